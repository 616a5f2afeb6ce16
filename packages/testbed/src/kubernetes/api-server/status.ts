import type { ServerResponse } from 'node:http';

/** The reasons used here, as `metav1.StatusReason` spells them. */
export type StatusReason = 'Unauthorized' | 'Forbidden' | 'NotFound' | 'BadRequest' | 'ServiceUnavailable';

/**
 * Answers with a `metav1.Status` failure, the body every kube-apiserver
 * error has (k8s.io/apimachinery pkg/api/errors: NewUnauthorized,
 * NewForbidden, NewNotFound, NewBadRequest, NewServiceUnavailable).
 */
export function sendStatus(
  response: ServerResponse,
  code: number,
  reason: StatusReason,
  message: string,
  details?: { name: string; kind: string },
): void {
  const body = JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  });
  response.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
