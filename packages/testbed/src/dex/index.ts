/**
 * A Dex + oauth2-proxy / oidc-authservice emulator for tests, demos and
 * benchmarks: `import { startDexEmulator } from '@ml-platform/testbed/dex/index'`.
 */
export type { EmulatorExchange } from './http.js';
export {
  DEFAULT_DEX_USER,
  type DexEmulatorOptions,
  type EmulatedConnector,
  type EmulatedUser,
  KUBEFLOW_API_ROUTES,
} from './options.js';
export { OAUTH2_PROXY_MAX_COOKIE_LENGTH } from './set-cookie.js';
export { type DexEmulator, startDexEmulator } from './start-dex-emulator.js';
