// What every network failure is classified by: small and static, as retries and body reads need it on
// the hot path. The texts that explain a failure are in network-diagnosis.ts, loaded when one happens.

/** Stable codes of failures below HTTP: nothing answered, or not in HTTP over the expected TLS. */
export const NetworkErrorCode = {
  /** Connection refused, unknown host, reset, blocked port, not an HTTP server. */
  network: 'NETWORK_ERROR',
  /** The TLS handshake failed: unknown CA, wrong host name, expired certificate, bad client key. */
  tls: 'TLS_ERROR',
  /** The proxy could not be reached, or refused to open the tunnel (e.g. 407 for wrong credentials). */
  proxy: 'PROXY_ERROR',
} as const;

/** What the transport knows about how it connected, for a message about a failure. */
export interface FailureContext {
  /** The proxy in use, already redacted; undefined for a direct connection. */
  proxy: string | undefined;
  /** Whether the request carried a client certificate. */
  clientCertificate: boolean;
}

/** The error objects along the cause chain (and inside an AggregateError), outermost first. */
export function causes(error: unknown): Array<{ code?: unknown; message?: unknown; name?: unknown }> {
  const found: Array<{ code?: unknown; message?: unknown; name?: unknown }> = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 8 || typeof value !== 'object' || value === null) return;
    found.push(value as { code?: unknown });
    if (Array.isArray((value as { errors?: unknown }).errors)) {
      for (const inner of (value as { errors: unknown[] }).errors) visit(inner, depth + 1);
    }
    visit((value as { cause?: unknown }).cause, depth + 1);
  };
  visit(error, 0);
  return found;
}

/** The innermost system or undici error code along the chain, e.g. `ECONNREFUSED`. */
export function networkCauseCode(error: unknown): string | undefined {
  let code: string | undefined;
  for (const cause of causes(error)) if (typeof cause.code === 'string') code = cause.code;
  return code;
}
