import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { AuthPlugin } from './auth/auth-plugin.js';
import { normalizeBaseUrl } from './base-url.js';
import { serializeBody } from './body-serializer.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './call/response-errors.js';
import { wholeCallClient } from './call/whole-call.js';
import { type ApiClientOptions, checkClientOptions } from './client-options.js';
import { createResponseGuard } from './response-guard.js';
import { resolveRetryPolicy } from './retry/retry-options.js';
import { createTransport } from './transport.js';
import { invalidOption } from './validate/invalid-option.js';

export type { ApiClientOptions } from './client-options.js';

/** What an API package passes besides the user's options. */
export interface ApiClientDefaults {
  /** Shown in messages about a bad baseUrl. */
  baseUrlExample: string;
  /** The package's default User-Agent, e.g. `@ml-platform/kfp-v2/0.1.0`. */
  userAgent: string;
  /**
   * What to say about a 404 that the API itself did not answer (a gateway's
   * 404, no upstream error code), given the client's baseUrl; undefined for nothing.
   */
  notFoundHint?: (baseUrl: URL) => string | undefined;
  /** Where the API is when the options have no `baseUrl` (KFP: the environment); called after the options are checked. */
  defaultBaseUrl?: (() => string) | undefined;
}

/** A client's options as an API package takes them: `baseUrl` may be left out when `defaults.defaultBaseUrl` finds one. */
export type ApiClientInput = Omit<ApiClientOptions, 'baseUrl'> & { baseUrl?: string | undefined };

/**
 * Builds a typed openapi-fetch client over `Paths`: the one factory behind
 * `createKfpV1Client`, `createKfpV2Client` and `createSeldonDeployClient`.
 * Every option is checked here, so a typo fails at creation.
 */
export function createApiClient<Paths extends {}>(
  options: ApiClientInput,
  defaults: ApiClientDefaults,
): Client<Paths> {
  checkClientOptions(options, defaults.baseUrlExample);
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? defaults.defaultBaseUrl?.(), defaults.baseUrlExample);
  const auth = options.auth === undefined ? [] : Array.isArray(options.auth) ? options.auth : [options.auth];
  const middleware: Middleware[] = [...(options.middleware ?? []), ...(auth as AuthPlugin[])];
  middleware.forEach(assertMiddleware);

  // The call's deadline travels on the Request's signal (see wholeCallClient), so the transport gets no timeoutMs.
  const send = createTransport({
    ...options,
    timeoutMs: undefined,
    userAgent: options.userAgent ?? defaults.userAgent,
  });
  const inner = createClient<Paths>({ baseUrl, headers: options.headers, bodySerializer: serializeBody });
  inner.use(
    createResponseGuard({
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      notFoundHint: defaults.notFoundHint?.(new URL(baseUrl)),
      lengthBoundsBody: options.fetch === undefined && isServerRuntime(),
    }),
    ...middleware,
  );
  return wholeCallClient(inner, {
    baseUrl,
    timeoutMs: options.timeoutMs,
    retry: resolveRetryPolicy(options.retry),
    send,
  });
}

/** Node, Bun and Deno: their fetch delimits a body by its Content-Length and shows every response header. */
function isServerRuntime(): boolean {
  return (
    typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node ===
    'string'
  );
}

function assertMiddleware(candidate: unknown, index: number): void {
  const ok =
    typeof candidate === 'object' &&
    candidate !== null &&
    ['onRequest', 'onResponse', 'onError'].some(
      (hook) => typeof (candidate as Record<string, unknown>)[hook] === 'function',
    );
  if (!ok) {
    throw invalidOption(
      `auth/middleware entry ${index} is not a plugin: expected an object with onRequest, onResponse or onError ` +
        `(e.g. staticTokenAuth(token) or serviceAccountTokenAuth()).`,
    );
  }
}
