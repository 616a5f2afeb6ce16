import { jsonResponse, type UpstreamResponse } from '../gateway/upstream.js';

/**
 * gRPC codes the KFP API server answers with, and the HTTP status
 * grpc-gateway maps each to (runtime/errors.go `HTTPStatusFromCode`).
 */
const HTTP_STATUS = {
  InvalidArgument: [3, 400],
  NotFound: [5, 404],
  AlreadyExists: [6, 409],
  PermissionDenied: [7, 403],
  FailedPrecondition: [9, 400],
  Unimplemented: [12, 501],
  Internal: [13, 500],
  Unauthenticated: [16, 401],
} as const;

export type RpcCode = keyof typeof HTTP_STATUS;

/** A failure the emulated API server reports, as a `google.rpc.Status` body. */
export class RpcError extends Error {
  constructor(
    readonly rpcCode: RpcCode,
    message: string,
  ) {
    super(message);
  }
}

export const invalidInput = (message: string) =>
  new RpcError('InvalidArgument', `Invalid input error: ${message}`);
export const notFound = (kind: string, id: string) =>
  new RpcError('NotFound', `ResourceNotFoundError: ${kind} ${id} not found.`);

/** The body grpc-gateway v2 writes for an error: `{ code, message, details }`. */
export function rpcErrorResponse(error: RpcError): UpstreamResponse {
  const [code, status] = HTTP_STATUS[error.rpcCode];
  return jsonResponse(status, { code, message: error.message, details: [] });
}
