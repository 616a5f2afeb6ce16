import type { Experiment, Pipeline, RecurringRun, Run } from '@ml-platform/kfp-v2';
import type { Column } from '../output/print.js';

// The columns the kfp CLI shows for each resource.
export const RUN_COLUMNS: Column<Run>[] = [
  { heading: 'Run ID', value: (run) => run.run_id },
  { heading: 'Name', value: (run) => run.display_name },
  { heading: 'Created at', value: (run) => run.created_at },
  { heading: 'State', value: (run) => run.state },
  { heading: 'Experiment ID', value: (run) => run.experiment_id },
];

export const EXPERIMENT_COLUMNS: Column<Experiment>[] = [
  { heading: 'Experiment ID', value: (experiment) => experiment.experiment_id },
  { heading: 'Name', value: (experiment) => experiment.display_name },
  { heading: 'Created at', value: (experiment) => experiment.created_at },
  { heading: 'Storage state', value: (experiment) => experiment.storage_state },
];

export const PIPELINE_COLUMNS: Column<Pipeline>[] = [
  { heading: 'Pipeline ID', value: (pipeline) => pipeline.pipeline_id },
  { heading: 'Name', value: (pipeline) => pipeline.display_name },
  { heading: 'Created at', value: (pipeline) => pipeline.created_at },
];

export const RECURRING_RUN_COLUMNS: Column<RecurringRun>[] = [
  { heading: 'Recurring Run ID', value: (job) => job.recurring_run_id },
  { heading: 'Name', value: (job) => job.display_name },
  { heading: 'Mode', value: (job) => job.mode },
  { heading: 'Status', value: (job) => job.status },
  { heading: 'Created at', value: (job) => job.created_at },
];
