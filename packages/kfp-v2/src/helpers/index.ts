export type { PollTiming } from '@ml-platform/core';
export {
  type ClientNamespaceOption,
  DEFAULT_EXPERIMENT_NAME,
  type ExperimentByNameOptions,
  experimentUiUrl,
  type GetOrCreateExperimentOptions,
  type InPodCredential,
  KF_PIPELINES_DEFAULT_EXPERIMENT_NAME,
  KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME,
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
export {
  type ArtifactContent,
  type DirectoryEntry,
  parseArtifactUri,
  type ReadArtifactOptions,
  readArtifact,
} from './artifact-content.js';
export type { ConfusionMatrix, RocPoint } from './artifact-metadata.js';
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
  kfpFilter,
} from './filter.js';
export { getHealthz } from './healthz.js';
export { type ListPageOptions, listPage, type OnePage } from './list-page.js';
export {
  collectAll,
  type ListItem,
  type ListOptions,
  type ListPage,
  type ListPath,
  listAll,
  listPages,
} from './paging.js';
export type { PipelineToRun } from './pipeline-reference.js';
export {
  deletePipeline,
  deletePipelineVersion,
  findPipelineByName,
  getPipeline,
  getPipelineVersion,
  latestPipelineVersion,
  type UploadPipelineOptions,
  type UploadPipelineVersionOptions,
  uploadPipeline,
  uploadPipelineVersion,
} from './pipelines.js';
export {
  type CreateRecurringRunFromPackageOptions,
  createRecurringRunFromPackage,
  type RecurringRunFromPackage,
} from './recurring-run-from-package.js';
export {
  type CreateRecurringRunOptions,
  createRecurringRun,
  deleteRecurringRun,
  disableRecurringRun,
  enableRecurringRun,
  getRecurringRun,
} from './recurring-runs.js';
export {
  type ArtifactTask,
  type ListRunArtifactsOptions,
  listRunArtifacts,
  type RunArtifact,
} from './run-artifact-list.js';
export { type ReadRunArtifactOptions, readRunArtifact } from './run-artifacts.js';
export { RunInsightErrorCode } from './run-insight-errors.js';
export { type GetRunMetricsOptions, getRunMetrics, type RunMetrics } from './run-metrics.js';
export {
  type PipelinePackageRun,
  type RunPipelinePackageOptions,
  runPipelinePackage,
} from './run-pipeline-package.js';
export {
  type PipelineToRunChoice,
  type PipelineVersionRun,
  type RunPipelineVersionOptions,
  runPipelineVersion,
} from './run-pipeline-version.js';
export {
  type GetRunTasksOptions,
  getRunTasks,
  type RunTask,
  type RunTaskTree,
  taskTreeOf,
} from './run-task-tree.js';
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
export { findTask, type ReadTaskLogsOptions, readTaskLogs } from './task-logs.js';
export { MAX_LOG_LINE_CHARS } from './text-lines.js';
export {
  isTerminalRunState,
  TERMINAL_RUN_STATES,
  type WaitForRunOptions,
  waitForRunCompletion,
} from './wait-for-run.js';
