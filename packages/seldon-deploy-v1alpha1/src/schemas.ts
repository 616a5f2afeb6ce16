import type { components } from './generated/schema.js';

type Schemas = components['schemas'];

// Readable names for the schemas users touch most. If upstream renames one,
// this file stops compiling, which is the signal a release needs a major bump.
/** A SeldonDeployment resource (Seldon Core v1), as Seldon Deploy returns it. */
export type SeldonDeployment = Schemas['SeldonDeployment'];
/** A list of SeldonDeployments in a namespace. */
export type SeldonDeploymentList = Schemas['SeldonDeploymentList'];
/** The spec of a SeldonDeployment: its predictors, protocol and annotations. */
export type SeldonDeploymentSpec = Schemas['SeldonDeploymentSpec'];
/** The status of a SeldonDeployment: its state, replicas and conditions. */
export type SeldonDeploymentStatus = Schemas['SeldonDeploymentStatus'];
/** One predictor of a SeldonDeployment: its graph, component specs and traffic share. */
export type PredictorSpec = Schemas['PredictorSpec'];
/** A Seldon Core v2 Model resource. */
export type SeldonModel = Schemas['SeldonModel'];
/** A Seldon Core v2 Pipeline resource. */
export type SeldonPipeline = Schemas['SeldonPipeline'];
/** A Seldon Core v2 Experiment resource (traffic split between models or pipelines). */
export type SeldonExperiment = Schemas['SeldonExperiment'];
/** A Seldon Core v2 Model as list responses carry it (the items of `SeldonModelList`; upstream `Model`). */
export type Model = Schemas['Model'];
/** A readiness condition as Seldon resources report them (knative's `apis.Condition`: type, status, reason, message). */
export type Condition = Schemas['Condition'];
/** The error body Seldon Deploy sends with a failed call (upstream `Error`). */
export type SeldonDeployError = Schemas['Error'];
