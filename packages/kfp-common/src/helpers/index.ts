// Version-independent logic of the KFP v1beta1 and v2beta1 helpers, as generics over what differs
// between the two APIs (paths, field names); each KFP package keeps its own public helpers over them.
export { callWithId, type KfpIdMethod, type KfpIdOption } from './call-with-id.js';
export type { KfpListItem, KfpPagingOptions } from './list-types.js';
export { type NewPipelineUpload, newPipelineUpload, pipelineVersionUpload } from './pipeline-upload.js';
export {
  type RunExperimentHelpers,
  type RunExperimentOptions,
  runExperiment,
} from './run-experiment.js';
export {
  type PackageFilingOptions,
  type PackageUploadHelpers,
  runUploadedPackage,
  type UploadedVersionRun,
} from './uploaded-package-run.js';
