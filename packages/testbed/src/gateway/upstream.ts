/** How the gateway authenticated a request. */
export interface GatewayIdentity {
  /** `session` (oauth2-proxy's cookie) or the name of the JWT rule that accepted the bearer token. */
  readonly via: string;
  /** Who the upstream is told the caller is (the `kubeflow-userid` header). */
  readonly user: string;
  /**
   * A non-secret handle on the credential (a token's `jti`, a session's id
   * hashed), so tests and the demo can count distinct credentials without
   * keeping any.
   */
  readonly credentialId: string;
}

/** A request as the gateway hands it to what sits behind a route. */
export interface UpstreamRequest {
  readonly method: string;
  /** Path and query as the upstream expects them (the route's prefix rewritten). */
  readonly path: string;
  readonly headers: Headers;
  readonly body: Buffer;
  readonly identity: GatewayIdentity;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** What sits behind a route: an in-process emulator or a proxy to another server. */
export type Upstream = (request: UpstreamRequest) => Promise<UpstreamResponse>;

/** An emulator that serves some paths and leaves the rest (undefined) to another upstream. */
export type PartialUpstream = (request: UpstreamRequest) => Promise<UpstreamResponse | undefined>;

/** Tries `first`; what it does not serve goes to `rest`. */
export function withFallback(first: PartialUpstream, rest: Upstream): Upstream {
  return async (request) => (await first(request)) ?? rest(request);
}

export function jsonResponse(status: number, body: unknown): UpstreamResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
