import type { components } from './generated/schema.js';

type Schemas = components['schemas'];

// Readable names for the schemas users touch most. If upstream renames one,
// this file stops compiling, which is the signal a release needs a major bump.
export type Experiment = Schemas['apiExperiment'];
export type Pipeline = Schemas['apiPipeline'];
export type PipelineVersion = Schemas['apiPipelineVersion'];
export type Run = Schemas['apiRun'];
export type RunDetail = Schemas['apiRunDetail'];
export type Job = Schemas['apiJob'];
export type Trigger = Schemas['apiTrigger'];
export type CronSchedule = Schemas['apiCronSchedule'];
export type PeriodicSchedule = Schemas['apiPeriodicSchedule'];
export type ResourceReference = Schemas['apiResourceReference'];
export type ResourceKey = Schemas['apiResourceKey'];
export type Parameter = Schemas['apiParameter'];
export type HealthzResponse = Schemas['apiGetHealthzResponse'];
export type RpcStatus = Schemas['googleRpcStatus'];
