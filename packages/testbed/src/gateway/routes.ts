import type { Upstream } from './upstream.js';

/**
 * One API behind the gateway: an Istio VirtualService route (prefix match and
 * rewrite) plus the AuthorizationPolicy that says who may call it.
 */
export interface GatewayRoute {
  /** Shown in the gateway's log, e.g. `kfp-v2beta1`. */
  name: string;
  /** Path prefix on the gateway, e.g. `/pipeline/apis/v2beta1`. */
  prefix: string;
  /** What the prefix becomes upstream, e.g. `/apis/v2beta1`. */
  rewrite: string;
  /** Who may call it: a browser-style oauth2-proxy session and/or tokens accepted by these JWT rules. */
  allow: { session?: boolean; jwt?: readonly string[] };
  upstream: Upstream;
}

/** The route whose prefix matches `path` on a segment boundary (longest first, as Istio orders them). */
export function matchRoute(routes: readonly GatewayRoute[], path: string): GatewayRoute | undefined {
  return [...routes]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find(
      (route) =>
        path === route.prefix || path.startsWith(`${route.prefix}/`) || path.startsWith(`${route.prefix}?`),
    );
}
