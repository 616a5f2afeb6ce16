export type { PollTiming } from '@ml-platform/core';
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
export {
  isSeldonDeploymentAvailable,
  type WaitAvailableOptions,
  waitForSeldonDeploymentAvailable,
} from './wait-available.js';
