import createClient, { type Client, type HeadersOptions, type Middleware } from 'openapi-fetch';
import type { AuthPlugin } from './auth/auth-plugin.js';
import { normalizeBaseUrl } from './base-url.js';
import { serializeBody } from './body-serializer.js';
import { ConfigError, ConfigErrorCode } from './errors.js';
import { responseGuard } from './response-guard.js';
import { createTransport, type TransportOptions } from './transport.js';

/** Options every API client takes. */
export interface ApiClientOptions extends TransportOptions {
  /** The URL the spec's paths are relative to (what `host` is to the Python SDKs). */
  baseUrl: string;
  /** One auth plugin or a list; they sign every request in order. */
  auth?: AuthPlugin | readonly AuthPlugin[];
  /** More openapi-fetch middleware, run before the auth plugins. */
  middleware?: readonly Middleware[];
  /** Headers sent with every request. */
  headers?: HeadersOptions;
}

/** What an API package passes besides the user's options. */
export interface ApiClientDefaults {
  /** Shown in messages about a bad baseUrl. */
  baseUrlExample: string;
  /** The package's default User-Agent, e.g. `@ml-platform/kfp-v2/0.1.0`. */
  userAgent: string;
}

/**
 * Builds a typed openapi-fetch client over `Paths`: the one factory behind
 * `createKfpV1Client`, `createKfpV2Client` and `createSeldonDeployClient`.
 */
export function createApiClient<Paths extends {}>(
  options: ApiClientOptions,
  defaults: ApiClientDefaults,
): Client<Paths> {
  if (!options || typeof options !== 'object') {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `Client options must be an object with at least baseUrl.`,
    );
  }
  const baseUrl = normalizeBaseUrl(options.baseUrl, defaults.baseUrlExample);
  const auth = options.auth === undefined ? [] : Array.isArray(options.auth) ? options.auth : [options.auth];
  const middleware = [...(options.middleware ?? []), ...(auth as AuthPlugin[])];
  middleware.forEach(assertMiddleware);

  const client = createClient<Paths>({
    baseUrl,
    headers: options.headers,
    bodySerializer: serializeBody,
    fetch: createTransport({ ...options, userAgent: options.userAgent ?? defaults.userAgent }),
  });
  client.use(responseGuard, ...middleware);
  return client;
}

function assertMiddleware(candidate: unknown, index: number): void {
  const ok =
    typeof candidate === 'object' &&
    candidate !== null &&
    ['onRequest', 'onResponse', 'onError'].some(
      (hook) => typeof (candidate as Record<string, unknown>)[hook] === 'function',
    );
  if (!ok) {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `auth/middleware entry ${index} is not a plugin: expected an object with onRequest, onResponse or onError ` +
        `(e.g. staticTokenAuth(token) or serviceAccountTokenAuth()).`,
    );
  }
}
