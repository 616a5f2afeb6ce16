import type { components } from './generated/schema.js';

type Schemas = components['schemas'];

// Readable names for the schemas users touch most. If upstream renames one,
// this file stops compiling, which is the signal a release needs a major bump.
/**
 * An experiment: a named group of runs, owned by a namespace through a resource reference (upstream
 * `apiExperiment`).
 */
export type Experiment = Schemas['apiExperiment'];
/** A pipeline: the named container of pipeline versions (upstream `apiPipeline`). */
export type Pipeline = Schemas['apiPipeline'];
/** One uploaded version of a pipeline (upstream `apiPipelineVersion`). */
export type PipelineVersion = Schemas['apiPipelineVersion'];
/** A run of a pipeline (upstream `apiRun`). */
export type Run = Schemas['apiRun'];
/** A run with its runtime details, including the Argo workflow manifest (upstream `apiRunDetail`). */
export type RunDetail = Schemas['apiRunDetail'];
/** A recurring run, which v1beta1 calls a job (upstream `apiJob`). */
export type Job = Schemas['apiJob'];
/** When a job starts runs: a cron or a periodic schedule (upstream `apiTrigger`). */
export type Trigger = Schemas['apiTrigger'];
/** A cron trigger with its optional start and end times (upstream `apiCronSchedule`). */
export type CronSchedule = Schemas['apiCronSchedule'];
/** An interval trigger with its optional start and end times (upstream `apiPeriodicSchedule`). */
export type PeriodicSchedule = Schemas['apiPeriodicSchedule'];
/**
 * A link from a resource to another (its experiment, namespace or pipeline version) with the
 * relationship (upstream `apiResourceReference`).
 */
export type ResourceReference = Schemas['apiResourceReference'];
/** The type and id that a resource reference points at (upstream `apiResourceKey`). */
export type ResourceKey = Schemas['apiResourceKey'];
/** A run parameter as v1beta1 sends it: a name and a string value (upstream `apiParameter`). */
export type Parameter = Schemas['apiParameter'];
/**
 * What `GET /apis/v1beta1/healthz` returns: whether multi-user mode is on (upstream
 * `apiGetHealthzResponse`).
 */
export type HealthzResponse = Schemas['apiGetHealthzResponse'];
/** The error body KFP sends with a failed call: code, message, details (upstream `googleRpcStatus`). */
export type RpcStatus = Schemas['googleRpcStatus'];
