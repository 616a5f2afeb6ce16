import {
  type AuthPlugin,
  checkTlsOptions,
  createTransport,
  type FetchFunction,
  type Middleware,
  type TlsOptions,
} from '@ml-platform/core';
import type { MiddlewareCallbackParams } from 'openapi-fetch';
import { type KubeService, parseKubeService } from './kube-service.js';
import type { KubeconfigConnector } from './kubeconfig-connection.js';

/**
 * The base URL a client on the kubeconfig route is created with: until the
 * kubeconfig is read (on the first request) the proxy URL is not known, so
 * requests start here and are moved onto it before anything signs or sends
 * them. `.invalid` never resolves, so nothing can reach it by mistake.
 */
export const KUBECONFIG_ROUTE_ORIGIN = 'https://kubeconfig-context.invalid';

/** What the kubeconfig step resolved: the context and the proxy URL its requests go to. */
export interface KubeconfigConnection {
  /** The step of the chain: the kubeconfig's current context. */
  readonly source: 'kubeconfig';
  /** The API server's service proxy URL of the Service, e.g. `https://203.0.113.10:6443/api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy`. */
  readonly baseUrl: string;
  /** The Service, as `namespace/name:port`. */
  readonly kubeService: string;
  /** The kubeconfig context in use. */
  readonly context: string;
  /** The kubeconfig user whose credentials the API server sees. */
  readonly user: string;
  /** The cluster's API server. */
  readonly server: string;
  /** Why the earlier steps of the chain were not used. */
  readonly skipped: readonly string[];
}

/** The pieces a client on the kubeconfig route is built from. */
export interface KubeconfigRoute {
  /** Moves each request onto the proxy URL (first in the chain, so plugins see the real URL). */
  readonly middleware: Middleware;
  /** Signs as the kubeconfig's user. */
  readonly auth: AuthPlugin & { describe(): Promise<KubeconfigConnection> };
  /** Sends with the cluster's CA, the user's client certificate and the cluster's proxy-url. */
  readonly fetch: FetchFunction;
}

export interface KubeconfigRouteOptions {
  readonly env: Record<string, string | undefined>;
  readonly kubeService: string;
  readonly skipped: readonly string[];
  /** The client's own `tls` and `proxy`, when given: they replace the kubeconfig's. */
  readonly tls?: TlsOptions | undefined;
  readonly proxy?: string | URL | false | undefined;
}

/**
 * The last step of the zero-config chain: the kubeconfig's current context,
 * reaching `kubeService` (default `kubeflow/ml-pipeline:http`) through the
 * API server's service proxy, as `kfp.Client()` does outside a cluster.
 * `@ml-platform/auth-kubeconfig` is imported, and the kubeconfig read, on the
 * first request (with the code that does it); a failure is not kept, so the
 * next request reads it again.
 */
export function kubeconfigRoute(options: KubeconfigRouteOptions): KubeconfigRoute {
  const service: KubeService = parseKubeService(options.kubeService);
  // The client's own tls and proxy are checked now, as a client checks them, though they are used later.
  checkTlsOptions(options.tls);
  if (options.proxy !== undefined) createTransport({ proxy: options.proxy, retry: false });
  let loading: Promise<KubeconfigConnector> | undefined;
  const load = (): Promise<KubeconfigConnector> => {
    loading ??= import('./kubeconfig-connection.js')
      .then(({ connectThroughKubeconfig }) =>
        connectThroughKubeconfig(options, service, KUBECONFIG_ROUTE_ORIGIN),
      )
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
    return loading;
  };
  return {
    middleware: {
      async onRequest({ request }: MiddlewareCallbackParams) {
        if (!request.url.startsWith(`${KUBECONFIG_ROUTE_ORIGIN}/`)) return undefined;
        return (await load()).moveOntoProxy(request);
      },
    },
    auth: {
      name: '@ml-platform/kfp-common (zero-config kubeconfig auth)',
      describe: async () => (await load()).connection,
      async onRequest(params: MiddlewareCallbackParams) {
        return (await load()).auth.onRequest?.(params);
      },
      async onResponse(params: MiddlewareCallbackParams & { response: Response }) {
        return (await load()).auth.onResponse?.(params);
      },
    },
    fetch: async (request) => (await load()).send(request),
  };
}
