/**
 * The emulator's responses are typed by the generated schema of
 * `@ml-platform/kfp-v2` (the pinned upstream swagger), so a field the spec
 * does not have, or a value of the wrong type, fails to compile.
 */
import type {
  Experiment,
  Pipeline,
  PipelineVersion,
  Predicate,
  Run,
  RuntimeState,
} from '@ml-platform/kfp-v2';
import type { RunClock } from './run-lifecycle.js';
import type { RunPlan } from './run-tasks.js';

export type { Experiment, Pipeline, PipelineVersion, Predicate, Run, RuntimeState };

/** What the emulated database keeps of a run; its state is computed from `clock` on each read. */
export interface StoredRun {
  run: Omit<Run, 'state' | 'state_history' | 'finished_at'>;
  namespace: string;
  clock: RunClock;
  /** The Argo workflow the run became: its tasks, pods and ML Metadata records (run-tasks.ts). */
  plan: RunPlan;
}

/** Everything the emulator knows, in creation order. */
export interface KfpStore {
  experiments: Map<string, Experiment>;
  pipelines: Map<string, Pipeline>;
  /** By pipeline_version_id. */
  versions: Map<string, PipelineVersion>;
  runs: Map<string, StoredRun>;
}

export function createStore(): KfpStore {
  return { experiments: new Map(), pipelines: new Map(), versions: new Map(), runs: new Map() };
}
