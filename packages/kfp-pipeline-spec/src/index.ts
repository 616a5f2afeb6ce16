/**
 * Typed Kubeflow Pipelines PipelineSpec and a loader that validates compiled pipeline packages as the KFP API server does. Usage, options and errors: the package README.
 *
 * @module @ml-platform/kfp-pipeline-spec
 */
export {
  InvalidParametersError,
  InvalidPipelinePackageError,
  type ParameterProblem,
  PipelineSpecErrorCode,
} from './errors.js';
export type {
  ComponentSpec,
  ComponentSpecJson,
  PipelineSpec,
  PipelineSpecJson,
  PipelineTaskSpec,
  PipelineTaskSpecJson,
  PlatformSpec,
  PlatformSpecJson,
} from './generated/pipeline_spec_pb.js';
export { PipelineSpecSchema, PlatformSpecSchema } from './generated/pipeline_spec_pb.js';
export { MAX_PIPELINE_PACKAGE_BYTES } from './limits.js';
export {
  type LoadedPipelinePackage,
  type LoadPipelinePackageOptions,
  loadPipelinePackage,
  type PackageDocuments,
  readPackageDocuments,
} from './load.js';
export { parametersFromText } from './parameter-text.js';
export {
  checkPipelineParameters,
  type PipelineParameterInput,
  type PipelineParameterType,
} from './parameters.js';
export type { PipelineSource } from './source.js';
export { SUPPORTED_SCHEMA_VERSION } from './spec.js';
