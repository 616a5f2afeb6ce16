// The kubeconfig step's connection, loaded with import() by kubeconfig-route.ts on the first request.
import { type AuthPlugin, createTransport, type FetchFunction } from '@ml-platform/core';
import type { KubeService } from './kube-service.js';
import type { KubeconfigConnection, KubeconfigRouteOptions } from './kubeconfig-route.js';

/** What the kubeconfig step resolved and how its requests are moved, signed and sent. */
export interface KubeconfigConnector {
  readonly connection: KubeconfigConnection;
  readonly auth: AuthPlugin;
  readonly send: FetchFunction;
  /** The request, moved from the placeholder origin onto the API server's service proxy URL. */
  moveOntoProxy(request: Request): Promise<Request>;
}

/** Reads the kubeconfig (through auth-kubeconfig, imported now) and builds the route's transport. */
export async function connectThroughKubeconfig(
  options: KubeconfigRouteOptions,
  service: KubeService,
  placeholderOrigin: string,
): Promise<KubeconfigConnector> {
  const kubeServiceProxy = await (await import('#runtime')).loadKubeServiceProxy();
  const proxied = kubeServiceProxy({ env: options.env, ...service });
  const send = createTransport({
    tls: options.tls ?? proxied.tls,
    proxy: options.proxy ?? proxied.proxy,
    // The client's own transport, around this one, retries.
    retry: false,
  });
  return {
    connection: {
      source: 'kubeconfig',
      baseUrl: proxied.baseUrl,
      kubeService: `${service.namespace}/${service.service}:${service.port}`,
      context: proxied.auth.context,
      user: proxied.auth.user,
      server: proxied.auth.server,
      skipped: options.skipped,
    },
    auth: proxied.auth,
    send,
    async moveOntoProxy(request) {
      const path = request.url.slice(placeholderOrigin.length);
      return new Request(`${proxied.baseUrl}${path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body === null ? null : await request.arrayBuffer(),
        signal: request.signal,
        redirect: request.redirect,
      });
    },
  };
}
