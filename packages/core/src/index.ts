export type { Client, Middleware } from 'openapi-fetch';
export { ApiError, ApiErrorCode, parseUpstreamError, type UpstreamError } from './api-error.js';
export type { AuthPlugin } from './auth/auth-plugin.js';
export {
  type CredentialAuthOptions,
  type CredentialAuthPlugin,
  createCredentialAuth,
} from './auth/credential-auth.js';
export {
  type AcquireReason,
  type Credential,
  CredentialCache,
  type CredentialCacheOptions,
} from './auth/credential-cache.js';
export { jwtExpiresAt } from './auth/jwt.js';
export { staticCookieAuth, staticTokenAuth } from './auth/static-auth.js';
export { normalizeBaseUrl } from './base-url.js';
export { serializeBody } from './body-serializer.js';
export { type ApiClientDefaults, type ApiClientOptions, createApiClient } from './create-api-client.js';
export { AuthError, ConfigError, ConfigErrorCode, MlPlatformError } from './errors.js';
export { isNotFound, unwrapFound } from './not-found.js';
export { isTransient } from './polling/is-transient.js';
export { type PollTiming, pollDelays } from './polling/poll-delays.js';
export { type PollTarget, type PollUntilOptions, pollUntil } from './polling/poll-until.js';
export { sleep } from './polling/sleep.js';
export { waitSignals } from './polling/wait-signals.js';
export { REDACTED, redactSecrets, redactUrl } from './redact.js';
export { requestSummaryOf } from './response-guard.js';
export { createTlsFetch, type FetchFunction, type TlsOptions } from './tls.js';
export { createTransport, TransportErrorCode, type TransportOptions } from './transport.js';
export { type FetchResultLike, unwrap } from './unwrap.js';
export { invalidOption } from './validate/invalid-option.js';
export { optionalText, requireText } from './validate/text-option.js';
