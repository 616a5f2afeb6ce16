/**
 * What the Kubeflow Pipelines v1beta1 and v2beta1 clients share: endpoint and namespace resolution, filters, paging, run waits, packages, schedules. Usage, options and errors: the package README.
 *
 * @module @ml-platform/kfp-common
 */
export { decodeArtifactEnvelope } from './artifact-envelope.js';
export { type ByNameOptions, checkByNameOptions, type PipelineByNameOptions } from './by-name-options.js';
export { type CachingOverride, withCachingOverride } from './caching-override.js';
export { type ClientNamespaceOption, namespaceFor, setClientNamespace } from './client-namespace.js';
export { setClientUiBaseUrl, uiBaseUrlOf } from './client-ui-base-url.js';
export { createKfpClient, type KfpClientExtras } from './create-kfp-client.js';
export { KFP_IN_CLUSTER_ENDPOINT, resolveKfpEndpoint } from './endpoint.js';
export { KfpError, KfpErrorCode, type KfpErrorCodeValue } from './errors.js';
export {
  type ExperimentByNameOptions,
  findExperimentNamed,
  type GetOrCreateExperimentOptions,
} from './experiment-by-name.js';
export { type ExperimentChoice, experimentIdOf } from './experiment-choice.js';
export {
  DEFAULT_EXPERIMENT_NAME,
  KF_PIPELINES_DEFAULT_EXPERIMENT_NAME,
  KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME,
  packageRunExperimentName,
} from './experiment-name.js';
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
export * from './helpers/index.js';
export {
  IN_POD_AUTH_NAME,
  type InPodAuth,
  type InPodCredential,
  inPodDefaultAuth,
  NO_CREDENTIAL_CODE,
} from './in-pod-auth.js';
export {
  type KfpContext,
  type NamespaceFiles,
  type ResolveNamespaceOptions,
  readKfpContext,
  resolveUserNamespace,
  SERVICE_ACCOUNT_NAMESPACE_FILE,
  setUserNamespace,
} from './namespace.js';
export { packagePipelineName } from './package-name.js';
export { type PackageRunInput, type PreparedPackageRun, preparePackageRun } from './package-run.js';
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
export { processEnv } from './process-env.js';
export { type RecurringRunScheduling, recurringRunLimits } from './recurring-run-options.js';
export { defaultRunDisplayName } from './run-display-name.js';
export { type PackageRunSteps, runFromPackage } from './run-from-package.js';
export { checkRunParameters } from './run-parameters.js';
export { type KfpTrigger, type RecurringSchedule, scheduleToTrigger } from './schedule.js';
export { experimentUiUrl, pipelineUiUrl, recurringRunUiUrl, runUiUrl } from './ui-links.js';
export { type KfpRunWaitOptions, type KfpRunWatch, waitForKfpRun } from './wait-for-run.js';
export {
  type DescribeKfpConnectionOptions,
  describeKfpConnection,
  type KfpConnection,
} from './zero-config/describe-connection.js';
export type { KfpEndpointSource } from './zero-config/endpoint-chain.js';
export { DEFAULT_KUBE_SERVICE, type KubeService, parseKubeService } from './zero-config/kube-service.js';
export type { KubeconfigConnection } from './zero-config/kubeconfig-route.js';
