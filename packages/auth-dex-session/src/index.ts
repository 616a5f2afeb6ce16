export { type DexSessionAuth, dexSessionAuth } from './dex-session-auth.js';
export {
  DexLoginError,
  DexSessionErrorCode,
  type DexSessionErrorCodeValue,
  type LoginStep,
} from './errors.js';
export type { DexSessionAuthOptions } from './options.js';
export type { DexSession } from './session.js';
