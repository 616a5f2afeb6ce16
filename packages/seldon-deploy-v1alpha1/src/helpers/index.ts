export type { PollTiming } from '@ml-platform/core';
export {
  type BatchJob,
  type BatchJobDefinition,
  type BatchJobDescription,
  type BatchJobResult,
  type BatchJobTarget,
  getBatchJob,
  listBatchJobs,
  type SubmittedBatchJob,
  submitBatchJob,
  type WaitBatchJobOptions,
  waitForBatchJob,
} from './batch-jobs.js';
export { describeCondition, failingCondition } from './conditions.js';
export { type CoreV2Resource, isCoreV2Ready, type WaitReadyOptions } from './core-v2-ready.js';
export {
  type DeleteAndWaitOptions,
  type DeployOptions,
  type DeployResult,
  deploySeldonDeployment,
} from './deploy.js';
export {
  type ChangeOptions,
  createSeldonDeployment,
  deleteSeldonDeployment,
  deleteSeldonDeploymentAndWait,
  findSeldonDeployment,
  getSeldonDeployment,
  listSeldonDeployments,
  predictSeldonDeployment,
  updateSeldonDeployment,
  type WriteOptions,
} from './deployments.js';
export {
  InvalidInferenceRequestError,
  SeldonError,
  SeldonErrorCode,
  type SeldonErrorCodeValue,
  type SeldonResourceKind,
  SeldonResourceWaitError,
  SeldonWaitError,
} from './errors.js';
export {
  addSeldonPipelineCanary,
  addSeldonPipelineShadow,
  type CanaryOptions,
  findSeldonPipelineExperiment,
  promoteSeldonPipelineCanary,
  promoteSeldonPipelineShadow,
  removeSeldonPipelineCanary,
  removeSeldonPipelineShadow,
} from './experiments.js';
export {
  explainSeldonDeployment,
  explainSeldonPipeline,
  inferSeldonDeployment,
  inferSeldonPipeline,
} from './inference.js';
export {
  checkInferenceRequest,
  type InferenceDatatype,
  type InferenceRequest,
  type InferenceRequestInput,
  type InferenceResponse,
  type InferenceResponseOutput,
} from './inference-protocol.js';
export {
  type ApplicationLogLine,
  type ContainerLogOptions,
  type DeploymentInferenceLogSummary,
  type InferenceLogEntry,
  type InferenceLogOptions,
  listContainerLogs,
  listDeploymentInferenceLogSummaries,
  listDeploymentInferenceLogs,
  listModelInferenceLogs,
} from './logs.js';
export { readSeldonManifest, type SeldonManifestSource } from './manifest.js';
export {
  deleteModelMetadata,
  deployedModelMetadata,
  findModelMetadata,
  listModelMetadata,
  listRuntimeMetadata,
  type ModelMetadata,
  type ModelMetadataFilter,
  type ModelMetadataInput,
  type RuntimeMetadata,
  type RuntimeMetadataFilter,
  registerModelMetadata,
  updateModelMetadata,
} from './model-catalog.js';
export {
  createSeldonModel,
  deleteSeldonModel,
  deleteSeldonModelAndWait,
  findSeldonModel,
  getSeldonModel,
  listSeldonPipelineModels,
  type ModelWriteOptions,
  updateSeldonModel,
  waitForSeldonModelReady,
} from './models.js';
export { collect, type TokenPagingOptions } from './page-tokens.js';
export {
  createSeldonPipeline,
  deleteSeldonPipeline,
  deleteSeldonPipelineAndWait,
  findSeldonPipeline,
  getSeldonPipeline,
  listSeldonPipelines,
  type PipelineWriteOptions,
  updateSeldonPipeline,
  waitForSeldonPipelineReady,
} from './pipelines.js';
export {
  type ValidateSeldonDeploymentInput,
  type ValidationMessage,
  validateSeldonDeployment,
} from './validate.js';
export {
  isSeldonDeploymentAvailable,
  type WaitAvailableOptions,
  waitForSeldonDeploymentAvailable,
} from './wait-available.js';
export type { WaitGoneOptions } from './wait-gone.js';
