/**
 * Dex login session auth (static or LDAP credentials behind oauth2-proxy or oidc-authservice) for `@ml-platform` clients. Usage, options and errors: the package README.
 *
 * @module @ml-platform/auth-dex-session
 */
export { type DexSessionAuth, dexSessionAuth } from './dex-session-auth.js';
export {
  DexLoginError,
  DexSessionErrorCode,
  type DexSessionErrorCodeValue,
  type LoginStep,
} from './errors.js';
export type { DexSessionAuthOptions } from './options.js';
export type { DexSession } from './session.js';
