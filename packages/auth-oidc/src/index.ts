/**
 * OIDC token auth (client credentials, password, authorization code + PKCE, device code, refresh) for `@ml-platform` clients. Usage, options and errors: the package README.
 *
 * @module @ml-platform/auth-oidc
 */
export { DEPLOYKF_DEFAULTS, defaultTokenCachePath, SELDON_DEPLOY_DEFAULTS } from './defaults.js';
export { OidcAuthError, OidcAuthErrorCode, type OidcAuthErrorCodeValue } from './errors.js';
export { type OidcAuth, oidcAuth } from './oidc-auth.js';
export type { ClientAuthMethod, OidcAuthOptions, OidcFlow, OidcTokenType } from './options.js';
export {
  type AuthorizationUrlDetails,
  createTerminalPrompt,
  type DeviceCodeDetails,
  type OidcPrompt,
  type TerminalPromptOptions,
} from './prompt.js';
export type { OidcCredential } from './tokens.js';
export { type OidcAuthWarning, OidcAuthWarningCode, type OidcAuthWarningCodeValue } from './warnings.js';
