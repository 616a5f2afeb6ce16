import { ConfigError, ConfigErrorCode } from './errors.js';

export interface TlsOptions {
  /** PEM bundle(s) of the CA(s) to trust, e.g. the in-cluster `ca.crt`. Replaces the default roots. */
  ca?: string | Uint8Array | Array<string | Uint8Array>;
  /**
   * Turns certificate verification off (the Python SDKs' `skip_tls_verify`).
   * Only for development clusters with self-signed certificates: anyone on the
   * path can then read the credentials this client sends.
   */
  insecureSkipVerify?: boolean;
}

export type FetchFunction = (input: Request) => Promise<Response>;

/**
 * A fetch that applies `tls` through an undici dispatcher. It uses undici's own
 * fetch (a dispatcher from one undici major version passed to another's fetch
 * is not reliable) and hands back a global `Response`, which openapi-fetch
 * middleware requires. undici is loaded on the first request, so clients that
 * never set `tls` never load it.
 */
export function createTlsFetch(tls: TlsOptions): FetchFunction {
  if (tls.insecureSkipVerify !== undefined && typeof tls.insecureSkipVerify !== 'boolean') {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `tls.insecureSkipVerify must be true or false, got ${typeof tls.insecureSkipVerify}. Leave it out to verify certificates.`,
    );
  }
  let loaded:
    | Promise<{ undiciFetch: typeof import('undici').fetch; dispatcher: import('undici').Agent }>
    | undefined;
  const load = () =>
    (loaded ??= import('undici').then(({ Agent, fetch }) => ({
      undiciFetch: fetch,
      dispatcher: new Agent({
        connect: {
          // PEM is text; bytes (a Buffer or any Uint8Array) are decoded, so the type needs no Node global.
          ...(tls.ca !== undefined ? { ca: [tls.ca].flat().map(pemText) } : {}),
          rejectUnauthorized: tls.insecureSkipVerify !== true,
        },
      }),
    })));
  return async (request) => {
    const { undiciFetch, dispatcher } = await load();
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

function pemText(pem: string | Uint8Array): string {
  return typeof pem === 'string' ? pem : new TextDecoder().decode(pem);
}
