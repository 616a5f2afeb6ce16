/**
 * A few KFP v2beta1 routes behind the gateway, enough for a typed client to
 * call through it: healthz (GET), experiments (POST echoes the body, so a
 * replayed request can be seen to keep it), and an HTML page for the UI path.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { IdentityClaims } from './dex-provider.js';
import { type EmulatorRequest, sendHtml, sendJsonBody } from './http.js';

export function createUpstreamApi(basePath: string, onServed: () => void) {
  return (request: EmulatorRequest, response: ServerResponse, identity: IdentityClaims | undefined) => {
    onServed();
    const path = request.url.pathname;
    if (request.method === 'GET' && path === `${basePath}/apis/v2beta1/healthz`) {
      return sendJsonBody(response, 200, { multi_user: true, pipeline_store: 'database' });
    }
    if (request.method === 'POST' && path === `${basePath}/apis/v2beta1/experiments`) {
      let body: { display_name?: unknown; description?: unknown; namespace?: unknown };
      try {
        body = JSON.parse(request.body || 'null') ?? {};
      } catch {
        return sendJsonBody(response, 400, { code: 3, message: 'request body is not JSON' });
      }
      if (typeof body.display_name !== 'string' || body.display_name === '') {
        return sendJsonBody(response, 400, { code: 3, message: 'display_name is required' });
      }
      return sendJsonBody(response, 200, {
        experiment_id: randomUUID(),
        display_name: body.display_name,
        description: typeof body.description === 'string' ? body.description : '',
        namespace: typeof body.namespace === 'string' ? body.namespace : (identity?.email ?? ''),
        created_at: new Date().toISOString(),
        storage_state: 'AVAILABLE',
      });
    }
    if (
      request.method === 'GET' &&
      (path === basePath || path.startsWith(`${basePath}/`)) &&
      !path.includes('/apis/')
    ) {
      return sendHtml(
        response,
        200,
        '<!DOCTYPE html><html><head><title>Kubeflow Pipelines</title></head><body></body></html>',
      );
    }
    sendJsonBody(response, 404, { code: 5, message: `Not Found: ${request.method} ${path}` });
  };
}
