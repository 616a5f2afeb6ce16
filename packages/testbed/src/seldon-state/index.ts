export type { CoreV2Outcome } from './core-v2.js';
export type { SeldonTiming } from './lifecycle.js';
export type { ApplicationLogSeed, InferenceLogSeed } from './logs.js';
export type { DeploymentOutcome } from './seldon-deployments.js';
export {
  createSeldonEmulator,
  SELDON_BASE_PATH,
  type SeldonEmulator,
  type SeldonEmulatorOptions,
} from './seldon-emulator.js';
export { type SeldonEmulatorServer, startSeldonEmulatorServer } from './seldon-emulator-server.js';
