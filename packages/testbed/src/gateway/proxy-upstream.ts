import { request as sendRequest } from 'undici';
import type { Upstream } from './upstream.js';

/** Headers that describe one hop, not the message (RFC 9110 section 7.6.1), plus the length fetch recomputes. */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-length',
];

export interface ProxyOptions {
  /**
   * Give requests that arrive without `Authorization` a stand-in bearer token.
   * Behind Kubeflow's gateway oauth2-proxy hands the API the session's Dex ID
   * token (`set_authorization_header = true`); Prism only checks that the
   * spec's `security` is present, so a stand-in naming the session does.
   */
  standInAuthorization?: boolean;
}

/**
 * Forwards requests to `target()` (resolved on each request, so the server
 * behind it may be started lazily) and hands back its answer unchanged.
 */
export function proxyTo(target: () => Promise<string>, options: ProxyOptions = {}): Upstream {
  return async (request) => {
    const headers = new Headers(request.headers);
    for (const name of HOP_BY_HOP) headers.delete(name);
    if (options.standInAuthorization && !headers.has('authorization')) {
      headers.set('authorization', `Bearer gateway-session-${request.identity.credentialId}`);
    }
    const bodyless = request.method === 'GET' || request.method === 'HEAD';
    if (bodyless && request.body.length > 0) {
      // Envoy (Istio's gateway) forwards a body whatever the method, and Seldon Deploy's
      // ValidateSeldonDeployment is a GET with one; fetch cannot send that, undici's request can.
      const answer = await sendRequest(`${await target()}${request.path}`, {
        method: request.method,
        headers: Object.fromEntries(headers),
        body: new Uint8Array(request.body),
      });
      const answerHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!HOP_BY_HOP.includes(name) && value !== undefined) answerHeaders[name] = String(value);
      }
      return {
        status: answer.statusCode,
        headers: answerHeaders,
        body: Buffer.from(await answer.body.arrayBuffer()),
      };
    }
    const hasBody = !bodyless && request.body.length > 0;
    const response = await fetch(`${await target()}${request.path}`, {
      method: request.method,
      headers,
      body: hasBody ? new Uint8Array(request.body) : undefined,
      redirect: 'manual',
    });
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      // fetch has already decoded the body and will re-frame it.
      if (!HOP_BY_HOP.includes(name) && name !== 'content-encoding') responseHeaders[name] = value;
    });
    return {
      status: response.status,
      headers: responseHeaders,
      body: Buffer.from(await response.arrayBuffer()),
    };
  };
}
