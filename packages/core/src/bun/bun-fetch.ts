/**
 * `#undici-fetch` on Bun. Bun's undici is a shim that ignores a dispatcher's
 * TLS settings (a custom CA or a client certificate is not applied), so on Bun
 * the connection settings go to Bun's own fetch, which takes them as its `tls`
 * and `proxy` options and reads HTTPS_PROXY/HTTP_PROXY/NO_PROXY itself.
 */
import type { ConnectionSettings } from '../connection-fetch.js';
import type { FetchFunction } from '../fetch-function.js';
import { connectOptions } from '../tls-connect-options.js';

/** The extra fetch options Bun reads (https://bun.sh/docs/api/fetch). */
interface BunFetchInit extends RequestInit {
  tls?: ReturnType<typeof connectOptions> & { serverName?: string };
  proxy?: string;
}

export function createUndiciFetch({ tls, proxy }: ConnectionSettings): FetchFunction {
  const init: BunFetchInit = {
    // Bun spells the SNI name `serverName` (BunFetchRequestInitTLS); newer releases also read Node's `servername`.
    ...(tls
      ? { tls: { ...connectOptions(tls), ...(tls.serverName ? { serverName: tls.serverName } : {}) } }
      : {}),
    ...(proxy.kind === 'proxy' ? { proxy: proxy.url } : {}),
  };
  return (request) => globalThis.fetch(request, init);
}
