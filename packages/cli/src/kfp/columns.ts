import type { Experiment, Pipeline, PipelineVersion, RecurringRun, Run } from '@ml-platform/kfp-v2';
import type { Column } from '../output/print.js';

// The columns the kfp CLI shows for each resource; `wide` ones only with -o wide.
export const RUN_COLUMNS: Column<Run>[] = [
  { heading: 'Run ID', value: (run) => run.run_id },
  { heading: 'Name', value: (run) => run.display_name },
  { heading: 'Created at', value: (run) => run.created_at },
  { heading: 'State', value: (run) => run.state },
  { heading: 'Experiment ID', value: (run) => run.experiment_id },
  { heading: 'Finished at', value: (run) => run.finished_at, wide: true },
  { heading: 'Storage state', value: (run) => run.storage_state, wide: true },
  {
    heading: 'Pipeline version',
    value: (run) => run.pipeline_version_reference?.pipeline_version_id,
    wide: true,
  },
];

export const EXPERIMENT_COLUMNS: Column<Experiment>[] = [
  { heading: 'Experiment ID', value: (experiment) => experiment.experiment_id },
  { heading: 'Name', value: (experiment) => experiment.display_name },
  { heading: 'Created at', value: (experiment) => experiment.created_at },
  { heading: 'Storage state', value: (experiment) => experiment.storage_state },
  { heading: 'Namespace', value: (experiment) => experiment.namespace, wide: true },
  { heading: 'Last run', value: (experiment) => experiment.last_run_created_at, wide: true },
  { heading: 'Description', value: (experiment) => experiment.description, wide: true },
];

export const PIPELINE_COLUMNS: Column<Pipeline>[] = [
  { heading: 'Pipeline ID', value: (pipeline) => pipeline.pipeline_id },
  { heading: 'Name', value: (pipeline) => pipeline.display_name },
  { heading: 'Created at', value: (pipeline) => pipeline.created_at },
  { heading: 'Namespace', value: (pipeline) => pipeline.namespace, wide: true },
  { heading: 'Description', value: (pipeline) => pipeline.description, wide: true },
];

export const PIPELINE_VERSION_COLUMNS: Column<PipelineVersion>[] = [
  { heading: 'Pipeline Version ID', value: (version) => version.pipeline_version_id },
  { heading: 'Name', value: (version) => version.display_name },
  { heading: 'Created at', value: (version) => version.created_at },
  { heading: 'Pipeline ID', value: (version) => version.pipeline_id, wide: true },
  { heading: 'Description', value: (version) => version.description, wide: true },
];

export const RECURRING_RUN_COLUMNS: Column<RecurringRun>[] = [
  { heading: 'Recurring Run ID', value: (job) => job.recurring_run_id },
  { heading: 'Name', value: (job) => job.display_name },
  { heading: 'Mode', value: (job) => job.mode },
  { heading: 'Status', value: (job) => job.status },
  { heading: 'Created at', value: (job) => job.created_at },
  {
    heading: 'Schedule',
    value: (job) =>
      job.trigger?.cron_schedule?.cron ??
      (job.trigger?.periodic_schedule?.interval_second
        ? `every ${job.trigger.periodic_schedule.interval_second}s`
        : undefined),
    wide: true,
  },
  { heading: 'Experiment ID', value: (job) => job.experiment_id, wide: true },
];
