export { KfpError, KfpErrorCode, RunWaitError } from './errors.js';
export {
  archiveExperiment,
  deleteExperiment,
  type ExperimentByNameOptions,
  findExperimentByName,
  type GetOrCreateExperimentOptions,
  getOrCreateExperiment,
  unarchiveExperiment,
} from './experiments.js';
export {
  type AnyFilterFields,
  encodeFilter,
  type FilterBuilder,
  type FilterFields,
  type FilterLike,
  type FilterResource,
  type FilterScalar,
  type KfpFilter,
  type KfpPredicate,
  type KfpPredicateOp,
  kfpFilter,
} from './filter.js';
export { getHealthz } from './healthz.js';
export { experimentUiUrl, pipelineUiUrl, recurringRunUiUrl, runUiUrl } from './links.js';
export {
  type KfpContext,
  type NamespaceFiles,
  type ResolveNamespaceOptions,
  readKfpContext,
  resolveUserNamespace,
  SERVICE_ACCOUNT_NAMESPACE_FILE,
  setUserNamespace,
} from './namespace.js';
export {
  collectAll,
  type ListItem,
  type ListOptions,
  type ListPage,
  type ListPath,
  listAll,
  listPages,
} from './paging.js';
export { type PipelinePackageSource, toPipelineFile } from './pipeline-package.js';
export type { PipelineToRun } from './pipeline-spec.js';
export {
  findPipelineByName,
  type UploadPipelineOptions,
  type UploadPipelineVersionOptions,
  uploadPipeline,
  uploadPipelineVersion,
} from './pipelines.js';
export type { PollTiming } from './polling.js';
export {
  type CreateRecurringRunOptions,
  createRecurringRun,
  deleteRecurringRun,
  disableRecurringRun,
  enableRecurringRun,
} from './recurring-runs.js';
export {
  archiveRun,
  type CreateRunFromPackageOptions,
  type CreateRunOptions,
  createRun,
  createRunFromPackage,
  deleteRun,
  getRun,
  type RunFromPackage,
  type RunSettings,
  retryRun,
  terminateRun,
  unarchiveRun,
} from './runs.js';
export { type RecurringSchedule, scheduleToTrigger } from './schedule.js';
export {
  isTerminalRunStatus,
  TERMINAL_RUN_STATUSES,
  type WaitForRunOptions,
  waitForRunCompletion,
} from './wait-for-run.js';
