import { normalizeBaseUrl } from './base-url.js';
import { limitBody } from './call/body-limit.js';
import { MlPlatformError } from './errors.js';
import { redactUrl } from './redact.js';
import { unwrap } from './unwrap.js';

/** A standard `fetch`, as protocol libraries built on fetch take one. */
export type ClientFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Stable code of a request that a client fetch refuses to send. */
export const ClientFetchErrorCode = { outsideBaseUrl: 'REQUEST_OUTSIDE_BASE_URL' } as const;

/** Options of {@link createClientFetch}. */
export interface ClientFetchOptions {
  /** The URL every request must be below; it replaces the client's own for these requests (e.g. the KFP UI's origin). */
  baseUrl: string;
  /** Refuse a response body larger than this (`RESPONSE_TOO_LARGE`) while it is read; left out: not bounded here. */
  maxResponseBytes?: number;
}

/** Any client built by `createApiClient` (its `request` method is what is used). */
export interface ClientWithRequest {
  /** openapi-fetch's `client.request(method, path, init)`, through which every request of the fetch is made. */
  request: (...args: never[]) => unknown;
}

type RawClient = {
  request: (
    method: string,
    path: string,
    init: Record<string, unknown>,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

/**
 * A standard `fetch(input, init)` whose every request goes through `client`
 * (one built by `createApiClient`, e.g. a KFP or ML Metadata client): the
 * same auth plugins, middleware, TLS, proxy, retries, `timeoutMs`, response
 * guard and coded, redacted errors as its typed calls. For protocols that
 * bring their own library on top of fetch (gRPC-Web through
 * `@connectrpc/connect-web`) and for streamed downloads, so they need no
 * second copy of that machinery.
 *
 * The response comes back unread, as a stream; a non-2xx answer throws an
 * `ApiError`. Only URLs below `baseUrl` are sent.
 */
export function createClientFetch(client: ClientWithRequest, options: ClientFetchOptions): ClientFetch {
  const baseUrl = normalizeBaseUrl(options.baseUrl, 'https://kubeflow.example.com');
  const raw = client as unknown as RawClient;
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const target = `${url.origin}${url.pathname}`;
    if (!target.startsWith(`${baseUrl}/`) && target !== baseUrl) {
      throw new MlPlatformError(
        ClientFetchErrorCode.outsideBaseUrl,
        `${request.method} ${redactUrl(request.url)} is not below ${redactUrl(baseUrl)}: refusing to send it ` +
          "with the client's credentials.",
      );
    }
    const body = init?.body ?? (request.body ? new Uint8Array(await request.arrayBuffer()) : undefined);
    const result = await raw.request(request.method.toLowerCase(), target.slice(baseUrl.length), {
      baseUrl,
      headers: request.headers,
      params: { query: Object.fromEntries(url.searchParams) },
      ...(body === undefined || body === null ? {} : { body, bodySerializer: (value: unknown) => value }),
      parseAs: 'stream',
      signal: init?.signal ?? request.signal,
    });
    if (!result.response.ok) unwrap(result);
    if (options.maxResponseBytes === undefined) return result.response;
    return limitBody(
      result.response,
      { method: request.method, url: result.response.url || target, signal: init?.signal ?? request.signal },
      options.maxResponseBytes,
    );
  };
}
