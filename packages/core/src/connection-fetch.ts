import type { FetchFunction } from './fetch-function.js';
import type { ProxyRoute } from './proxy-option.js';
import { checkTlsOptions, type TlsOptions } from './tls.js';

/** How to connect: what an undici dispatcher is built from. */
export interface ConnectionSettings {
  tls: TlsOptions | undefined;
  proxy: ProxyRoute;
}

/**
 * A fetch over an undici dispatcher built from `settings`. The Node-only
 * module (and undici with it) is imported on the first request, so clients
 * that need neither TLS settings nor a proxy never load it, and a browser
 * build can leave it out.
 */
export function createConnectionFetch(settings: ConnectionSettings): FetchFunction {
  let loaded: Promise<FetchFunction> | undefined;
  const load = () =>
    (loaded ??= import('#undici-fetch').then(({ createUndiciFetch }) => createUndiciFetch(settings)));
  return async (request) => (await load())(request);
}

/**
 * A fetch that applies `tls` (custom CA, client certificate, or turned-off
 * verification) through an undici dispatcher, loaded on the first request.
 */
export function createTlsFetch(tls: TlsOptions): FetchFunction {
  return createConnectionFetch({ tls: checkTlsOptions(tls), proxy: { kind: 'direct' } });
}
