/**
 * Typed client factory, errors, TLS, timeouts and the auth-plugin contract shared by every `@ml-platform` package. Usage, options and errors: the package README.
 *
 * @module @ml-platform/core
 */
export type { Client, Middleware } from 'openapi-fetch';
export { ApiError, ApiErrorCode, parseUpstreamError, type UpstreamError } from './api-error.js';
export type { AuthPlugin, AuthPluginDiagnostics } from './auth/auth-plugin.js';
export { checkCooldownMs, DEFAULT_PASSWORD_COOLDOWN_MS } from './auth/cooldown-option.js';
export {
  CredentialAuthErrorCode,
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
export {
  type CooledDownError,
  CredentialCooldown,
  type CredentialCooldownOptions,
} from './auth/credential-cooldown.js';
export { jwtClaims, jwtExpiresAt } from './auth/jwt.js';
export { rememberSentSecret } from './auth/remember-sent-secret.js';
export { SentSecrets, secretsOfRequest } from './auth/sent-secrets.js';
export { staticCookieAuth, staticTokenAuth } from './auth/static-auth.js';
export { normalizeBaseUrl } from './base-url.js';
export { serializeBody } from './body-serializer.js';
export { BodyOnGetErrorCode } from './call/body-on-get.js';
export { pathPrefixHint } from './call/not-found-hint.js';
export { requestSummaryOf } from './call/request-summary.js';
export { DEFAULT_MAX_RESPONSE_BYTES, ResponseErrorCode } from './call/response-errors.js';
export {
  type ClientFetch,
  ClientFetchErrorCode,
  type ClientFetchOptions,
  type ClientWithRequest,
  createClientFetch,
} from './client-fetch.js';
export { CLIENT_OPTION_KEYS } from './client-options.js';
export { createTlsFetch } from './connection-fetch.js';
export {
  type ApiClientDefaults,
  type ApiClientInput,
  type ApiClientOptions,
  createApiClient,
} from './create-api-client.js';
export { AuthError, ConfigError, ConfigErrorCode, MlPlatformError } from './errors.js';
export { isNotFound, unwrapFound } from './not-found.js';
export { isTransient } from './polling/is-transient.js';
export { type PollTiming, pollDelays } from './polling/poll-delays.js';
export { type PollTarget, type PollUntilOptions, pollUntil } from './polling/poll-until.js';
export { sleep } from './polling/sleep.js';
export { waitSignals } from './polling/wait-signals.js';
export { basicCredentialsOf, encodingsOf, REDACTED, redactDeep, redactSecrets, redactUrl } from './redact.js';
export { redactError } from './redact-error.js';
export type { RetryEvent, RetryOptions } from './retry/retry-options.js';
export {
  checkTlsOptions,
  type FetchFunction,
  type PemInput,
  type TlsOptions,
} from './tls.js';
export { createTransport, TransportErrorCode, type TransportOptions } from './transport.js';
export { type FetchResultLike, unwrap } from './unwrap.js';
export { checkHeaderValue } from './validate/header-option.js';
export { invalidOption } from './validate/invalid-option.js';
export { checkOptions, type OptionsShape } from './validate/option-keys.js';
export { optionalText, requireText } from './validate/text-option.js';
export { checkTimeoutMs, MAX_TIMEOUT_MS } from './validate/timeout-option.js';
export { requireHttpUrl, type UrlOptionShape } from './validate/url-option.js';
