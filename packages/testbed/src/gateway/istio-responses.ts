import type { ServerResponse } from 'node:http';

/**
 * The answers Envoy gives in front of Kubeflow, as Istio configures it: a
 * RequestAuthentication that rejects a bearer token answers 401 with the
 * jwt_authn message as text and a `www-authenticate` challenge; an
 * AuthorizationPolicy that does not allow the request answers 403
 * `RBAC: access denied`; a path no VirtualService routes answers 404 with an
 * empty body.
 */
export function rejectToken(response: ServerResponse, realm: string, message: string): void {
  response.writeHead(401, {
    'content-type': 'text/plain',
    'www-authenticate': `Bearer realm="${realm}", error="invalid_token"`,
  });
  response.end(message);
}

export function denyByPolicy(response: ServerResponse): void {
  response.writeHead(403, { 'content-type': 'text/plain' });
  response.end('RBAC: access denied');
}

export function noRoute(response: ServerResponse): void {
  response.writeHead(404);
  response.end();
}

export function upstreamFailed(response: ServerResponse): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(503, { 'content-type': 'text/plain' });
  response.end('upstream connect error or disconnect/reset before headers');
}
