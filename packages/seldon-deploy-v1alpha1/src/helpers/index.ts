export {
  type ChangeOptions,
  createSeldonDeployment,
  deleteSeldonDeployment,
  findSeldonDeployment,
  getSeldonDeployment,
  listSeldonDeployments,
  predictSeldonDeployment,
  updateSeldonDeployment,
  type WriteOptions,
} from './deployments.js';
export { SeldonError, SeldonErrorCode, SeldonWaitError } from './errors.js';
export type { PollTiming } from './polling.js';
export {
  isSeldonDeploymentAvailable,
  type WaitAvailableOptions,
  waitForSeldonDeploymentAvailable,
} from './wait-available.js';
