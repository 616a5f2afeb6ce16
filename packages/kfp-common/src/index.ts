export { KFP_IN_CLUSTER_ENDPOINT, resolveKfpEndpoint } from './endpoint.js';
export { KfpError, KfpErrorCode, type KfpErrorCodeValue } from './errors.js';
export {
  type ExperimentByNameOptions,
  findExperimentNamed,
  type GetOrCreateExperimentOptions,
} from './experiment-by-name.js';
export {
  type AnyFilterFields,
  createKfpFilterBuilder,
  encodeKfpFilter,
  type FilterScalar,
  type KfpFilterBuilder,
  type KfpFilterDialect,
  type KfpFilterOperation,
  type KfpPredicateValue,
} from './filter-builder.js';
export { findOrCreate } from './find-or-create.js';
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
  collectKfpItems,
  type KfpListOptions,
  type KfpListPage,
  type KfpListQuery,
  type KfpSortBy,
  listKfpItems,
  listKfpPages,
} from './paging.js';
export { type PipelineChoice, resolvePipelineId } from './pipeline-id.js';
export { type PipelinePackageSource, toPipelineFile } from './pipeline-package.js';
export { type RecurringRunScheduling, recurringRunLimits } from './recurring-run-options.js';
export { type PackageRunSteps, runFromPackage } from './run-from-package.js';
export { checkRunParameters } from './run-parameters.js';
export { type KfpTrigger, type RecurringSchedule, scheduleToTrigger } from './schedule.js';
export { experimentUiUrl, pipelineUiUrl, recurringRunUiUrl, runUiUrl } from './ui-links.js';
export { type KfpRunWaitOptions, type KfpRunWatch, waitForKfpRun } from './wait-for-run.js';
