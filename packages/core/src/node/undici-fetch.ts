// Node-only: `#undici-fetch` under the `node` condition, loaded through a dynamic import by
// connection-fetch.ts; browsers get ../browser/undici-fetch.js.
import { Agent, type Dispatcher, EnvHttpProxyAgent, ProxyAgent, fetch as undiciFetch } from 'undici';
import type { ConnectionSettings } from '../connection-fetch.js';
import type { FetchFunction } from '../fetch-function.js';
import { connectOptions } from '../tls-connect-options.js';

/**
 * One dispatcher per transport. Through a proxy the target's TLS settings
 * are `requestTls` (applied inside the CONNECT tunnel); the proxy itself is
 * verified against the default roots. HTTP/1.1 only, as Node's global fetch
 * (the transport without `tls` or `proxy`) speaks: undici 8 would otherwise
 * negotiate h2 through ALPN. Plain http:// goes through a CONNECT tunnel too,
 * as with undici 7 (undici 8 would hand it to the proxy as an absolute-URI request instead).
 */
export function createDispatcher({ tls, proxy }: ConnectionSettings): Dispatcher {
  const connect = connectOptions(tls);
  const allowH2 = false;
  const proxyTunnel = true;
  if (proxy.kind === 'proxy') {
    return new ProxyAgent({ uri: proxy.url, requestTls: connect, allowH2, proxyTunnel });
  }
  if (proxy.kind === 'environment') {
    return new EnvHttpProxyAgent({ connect, requestTls: connect, allowH2, proxyTunnel });
  }
  return new Agent({ connect, allowH2 });
}

/**
 * A fetch over that dispatcher. It uses undici's own fetch (a dispatcher from
 * one undici major version passed to another's fetch is not reliable) and
 * hands back a global `Response`, which openapi-fetch middleware requires.
 */
export function createUndiciFetch(settings: ConnectionSettings): FetchFunction {
  const dispatcher = createDispatcher(settings);
  return async (request) => {
    const hasBody = request.body !== null;
    const response = await undiciFetch(request.url, {
      method: request.method,
      headers: [...request.headers],
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: request.redirect,
      signal: request.signal,
      dispatcher,
    });
    const nullBody = response.status === 204 || response.status === 304 || request.method === 'HEAD';
    const copy = new Response(nullBody ? null : (response.body as ReadableStream | null), {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers] as [string, string][],
    });
    // `url` and `redirected` are read-only on Response; keep them for error messages and redirect checks.
    Object.defineProperty(copy, 'url', { value: response.url });
    Object.defineProperty(copy, 'redirected', { value: response.redirected });
    return copy;
  };
}
