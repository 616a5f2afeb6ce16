export type { PollTiming } from '@ml-platform/core';
export {
  type ClientNamespaceOption,
  type ExperimentByNameOptions,
  experimentUiUrl,
  type GetOrCreateExperimentOptions,
  type InPodCredential,
  type KfpContext,
  KfpError,
  KfpErrorCode,
  type NamespaceFiles,
  NO_CREDENTIAL_CODE,
  type PipelineByNameOptions,
  type PipelinePackageSource,
  pipelineUiUrl,
  type ResolveNamespaceOptions,
  readKfpContext,
  recurringRunUiUrl,
  resolveUserNamespace,
  runUiUrl,
  SERVICE_ACCOUNT_NAMESPACE_FILE,
  setUserNamespace,
  toPipelineFile,
} from '@ml-platform/kfp-common';
export { RunWaitError } from './errors.js';
export {
  archiveExperiment,
  deleteExperiment,
  findExperimentByName,
  getExperiment,
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
export {
  collectAll,
  type ListItem,
  type ListOptions,
  type ListPage,
  type ListPath,
  listAll,
  listPages,
} from './paging.js';
export type { PipelineToRun } from './pipeline-spec.js';
export {
  deletePipeline,
  deletePipelineVersion,
  findPipelineByName,
  getPipeline,
  getPipelineVersion,
  type UploadPipelineOptions,
  type UploadPipelineVersionOptions,
  uploadPipeline,
  uploadPipelineVersion,
} from './pipelines.js';
export {
  type CreateRecurringRunOptions,
  createRecurringRun,
  deleteRecurringRun,
  disableRecurringRun,
  enableRecurringRun,
  getRecurringRun,
} from './recurring-runs.js';
export {
  type RunPipelinePackageOptions,
  runPipelinePackage,
  type WorkflowPackageRun,
} from './run-pipeline-package.js';
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
