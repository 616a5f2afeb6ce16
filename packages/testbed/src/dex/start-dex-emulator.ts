import { createAuthserviceGateway } from './authservice-gateway.js';
import { createEmulatedDex } from './dex-provider.js';
import type { Gateway, GatewayUrls } from './gateway.js';
import { type EmulatorExchange, type ListeningServer, listen } from './http.js';
import { createOAuth2ProxyGateway } from './oauth2-proxy-gateway.js';
import { type DexEmulatorOptions, resolveOptions } from './options.js';
import { createUpstreamApi } from './upstream-api.js';

export interface DexEmulator {
  /**
   * Where the API answers behind the gateway, e.g. `http://127.0.0.1:PORT/pipeline`:
   * a KFP client's `baseUrl` and the dex-session plugin's `endpoint`.
   */
  readonly endpoint: string;
  /** The gateway's origin (oauth2-proxy or authservice), `http(s)://127.0.0.1:PORT`. */
  readonly gatewayOrigin: string;
  /** Dex's issuer URL: `http(s)://localhost:PORT/dex`, or `<gatewayOrigin>/dex` with `dexOnGatewayOrigin`. */
  readonly dexUrl: string;
  /** Successful password logins at Dex. */
  readonly logins: number;
  /** Sessions the gateway has issued (one per completed login flow). */
  readonly sessionsIssued: number;
  /** Requests the API behind the gateway has served (authenticated ones only). */
  readonly apiRequests: number;
  /** Every request either server received, in order, with headers, body and status. */
  readonly exchanges: readonly EmulatorExchange[];
  /** Makes every session issued so far invalid, as a rotated cookie secret or a flushed session store would. */
  expireSessions(): void;
  /** Expires every session once the API has served `count` more requests (expiry in the middle of a batch). */
  expireSessionsAfter(count: number): void;
  stop(): Promise<void>;
}

/**
 * Starts a Dex + oauth2-proxy (or oidc-authservice) emulator in front of a
 * tiny KFP API on 127.0.0.1, with Dex on `localhost` (another origin) unless
 * `dexOnGatewayOrigin`. Every behaviour is traced to the upstream source in
 * the module that implements it.
 *
 * @example
 * const cluster = await startDexEmulator({ approvalScreen: true });
 * const kfp = createKfpV2Client({ baseUrl: cluster.endpoint, auth: dexSessionAuth({ endpoint: cluster.endpoint, ... }) });
 * await cluster.stop();
 */
export async function startDexEmulator(options: DexEmulatorOptions = {}): Promise<DexEmulator> {
  const resolved = resolveOptions(options);
  const exchanges: EmulatorExchange[] = [];
  const dex = createEmulatedDex(resolved);
  let apiRequests = 0;
  let expireAfter: number | undefined;
  let gateway: Gateway | undefined;
  let gatewayServer: ListeningServer | undefined;
  let dexServer: ListeningServer | undefined;

  const upstream = createUpstreamApi(resolved.apiBasePath, () => {
    apiRequests += 1;
    if (expireAfter !== undefined && apiRequests >= expireAfter) {
      expireAfter = undefined;
      gateway?.expireSessions();
    }
  });
  const urls = (): GatewayUrls => {
    if (!gatewayServer) throw new Error('the gateway is not listening yet');
    // Kubeflow's manifests use relative URLs on one origin (login_url = "/dex/auth",
    // redirect_url = "/oauth2/callback" with relative_redirect_url); a Dex of its own needs absolute ones.
    if (!dexServer) {
      return { dexAuthorize: `${dex.issuerPath}/auth`, callback: callbackPath(resolved.gateway) };
    }
    return {
      dexAuthorize: `${dexServer.origin}${dex.issuerPath}/auth`,
      callback: `${gatewayServer.origin}${callbackPath(resolved.gateway)}`,
    };
  };
  if (resolved.gateway === 'oauth2-proxy') gateway = createOAuth2ProxyGateway(resolved, dex, urls, upstream);
  if (resolved.gateway === 'authservice') gateway = createAuthserviceGateway(resolved, dex, urls, upstream);

  const dexOnGateway = resolved.dexOnGatewayOrigin;
  gatewayServer = await listen(
    (request, response) => {
      // skip_auth_routes = ["^/dex/"]: Dex on the gateway's origin is reached without a session.
      if (dexOnGateway && dex.handle(request, response)) return;
      if (gateway) gateway.handle(request, response);
      else upstream(request, response, undefined);
    },
    {
      hostname: '127.0.0.1',
      tls: resolved.tls,
      onExchange: (exchange) => {
        const isDex =
          dexOnGateway && new URL(exchange.path, 'http://x').pathname.startsWith(`${dex.issuerPath}/`);
        exchanges.push({ server: isDex ? 'dex' : 'gateway', ...exchange });
      },
    },
  );
  if (gateway && !dexOnGateway) {
    try {
      dexServer = await listen(
        (request, response) => {
          if (!dex.handle(request, response)) response.writeHead(404).end('404 page not found\n');
        },
        {
          hostname: 'localhost',
          tls: resolved.tls,
          onExchange: (exchange) => exchanges.push({ server: 'dex', ...exchange }),
        },
      );
    } catch (error) {
      await gatewayServer.close();
      throw error;
    }
  }
  const gatewayOrigin = gatewayServer.origin;
  const dexOrigin = dexServer?.origin ?? gatewayOrigin;

  return {
    endpoint: `${gatewayOrigin}${resolved.apiBasePath}`,
    gatewayOrigin,
    dexUrl: `${dexOrigin}${dex.issuerPath}`,
    get logins() {
      return dex.logins;
    },
    get sessionsIssued() {
      return gateway?.sessionsIssued ?? 0;
    },
    get apiRequests() {
      return apiRequests;
    },
    exchanges,
    expireSessions() {
      gateway?.expireSessions();
    },
    expireSessionsAfter(count) {
      expireAfter = apiRequests + count;
    },
    async stop() {
      await Promise.all([gatewayServer?.close(), dexServer?.close()]);
    },
  };
}

function callbackPath(gateway: 'oauth2-proxy' | 'authservice' | 'none'): string {
  return gateway === 'authservice' ? '/authservice/oidc/callback' : '/oauth2/callback';
}
