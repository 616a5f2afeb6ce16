import type { components } from './generated/schema.js';

type Schemas = components['schemas'];

// Readable names for the schemas users touch most. If upstream renames one,
// this file stops compiling, which is the signal a release needs a major bump.
export type Experiment = Schemas['v2beta1Experiment'];
export type Pipeline = Schemas['v2beta1Pipeline'];
export type PipelineVersion = Schemas['v2beta1PipelineVersion'];
export type PipelineVersionReference = Schemas['v2beta1PipelineVersionReference'];
export type Run = Schemas['v2beta1Run'];
export type RunDetails = Schemas['v2beta1RunDetails'];
export type RuntimeConfig = Schemas['v2beta1RuntimeConfig'];
export type RuntimeState = Schemas['v2beta1RuntimeState'];
export type RecurringRun = Schemas['v2beta1RecurringRun'];
export type Trigger = Schemas['v2beta1Trigger'];
export type CronSchedule = Schemas['v2beta1CronSchedule'];
export type PeriodicSchedule = Schemas['v2beta1PeriodicSchedule'];
export type Filter = Schemas['v2beta1Filter'];
export type Predicate = Schemas['v2beta1Predicate'];
export type PredicateOperation = Schemas['v2beta1PredicateOperation'];
export type HealthzResponse = Schemas['v2beta1GetHealthzResponse'];
export type RpcStatus = Schemas['googleRpcStatus'];
