import type { components } from './generated/schema.js';

type Schemas = components['schemas'];

// Readable names for the schemas users touch most. If upstream renames one,
// this file stops compiling, which is the signal a release needs a major bump.
/** An experiment: a named group of runs in a namespace (upstream `v2beta1Experiment`). */
export type Experiment = Schemas['v2beta1Experiment'];
/** A pipeline: the named container of pipeline versions (upstream `v2beta1Pipeline`). */
export type Pipeline = Schemas['v2beta1Pipeline'];
/** One uploaded version of a pipeline, with its compiled spec (upstream `v2beta1PipelineVersion`). */
export type PipelineVersion = Schemas['v2beta1PipelineVersion'];
/**
 * Which pipeline version a run or recurring run executes (upstream
 * `v2beta1PipelineVersionReference`).
 */
export type PipelineVersionReference = Schemas['v2beta1PipelineVersionReference'];
/** A run of a pipeline: its state, runtime config and details (upstream `v2beta1Run`). */
export type Run = Schemas['v2beta1Run'];
/** The task details of a run (upstream `v2beta1RunDetails`). */
export type RunDetails = Schemas['v2beta1RunDetails'];
/** A run's parameters and pipeline root (upstream `v2beta1RuntimeConfig`). */
export type RuntimeConfig = Schemas['v2beta1RuntimeConfig'];
/** The state of a run or task, such as `RUNNING` or `SUCCEEDED` (upstream `v2beta1RuntimeState`). */
export type RuntimeState = Schemas['v2beta1RuntimeState'];
/** A recurring run: a pipeline started on a schedule (upstream `v2beta1RecurringRun`). */
export type RecurringRun = Schemas['v2beta1RecurringRun'];
/** When a recurring run starts runs: a cron or a periodic schedule (upstream `v2beta1Trigger`). */
export type Trigger = Schemas['v2beta1Trigger'];
/** A cron trigger with its optional start and end times (upstream `v2beta1CronSchedule`). */
export type CronSchedule = Schemas['v2beta1CronSchedule'];
/** An interval trigger with its optional start and end times (upstream `v2beta1PeriodicSchedule`). */
export type PeriodicSchedule = Schemas['v2beta1PeriodicSchedule'];
/**
 * A list filter as the API takes it, before encoding (upstream `v2beta1Filter`); build one with
 * `kfpFilter()`.
 */
export type Filter = Schemas['v2beta1Filter'];
/** One condition of a list filter (upstream `v2beta1Predicate`). */
export type Predicate = Schemas['v2beta1Predicate'];
/** The comparison of a filter predicate, such as `EQUALS` (upstream `v2beta1PredicateOperation`). */
export type PredicateOperation = Schemas['v2beta1PredicateOperation'];
/**
 * What `GET /apis/v2beta1/healthz` returns: whether multi-user mode is on, and the server's tag
 * (upstream `v2beta1GetHealthzResponse`).
 */
export type HealthzResponse = Schemas['v2beta1GetHealthzResponse'];
/** The error body KFP sends with a failed call: code, message, details (upstream `googleRpcStatus`). */
export type RpcStatus = Schemas['googleRpcStatus'];
