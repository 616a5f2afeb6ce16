import type { components } from './generated/schema.js';

type Schemas = components['schemas'];

// Readable names for the schemas users touch most. If upstream renames one,
// this file stops compiling, which is the signal a release needs a major bump.
export type SeldonDeployment = Schemas['SeldonDeployment'];
export type SeldonDeploymentList = Schemas['SeldonDeploymentList'];
export type SeldonDeploymentSpec = Schemas['SeldonDeploymentSpec'];
export type SeldonDeploymentStatus = Schemas['SeldonDeploymentStatus'];
export type PredictorSpec = Schemas['PredictorSpec'];
export type SeldonModel = Schemas['SeldonModel'];
export type SeldonPipeline = Schemas['SeldonPipeline'];
export type SeldonExperiment = Schemas['SeldonExperiment'];
export type Model = Schemas['Model'];
export type Condition = Schemas['Condition'];
export type SeldonDeployError = Schemas['Error'];
