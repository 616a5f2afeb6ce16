import type { KfpV2Client } from '../client.js';
import { listRunArtifacts } from './run-artifact-list.js';

/** The scalar metrics of one run: task label (`evaluate`, `train[2]`) -> metric name -> value. */
export interface RunMetrics {
  runId: string;
  metrics: Record<string, Record<string, number>>;
}

/** Options of {@link getRunMetrics}. */
export interface GetRunMetricsOptions {
  signal?: AbortSignal;
}

/**
 * The scalar metrics (`system.Metrics` artifacts) of one or more runs, keyed
 * by task and metric name, as the UI's "compare runs" page lays them out. A
 * task with several metrics outputs gets `<output>.<metric>` names.
 */
export async function getRunMetrics(
  client: KfpV2Client,
  runIds: string | readonly string[],
  options: GetRunMetricsOptions = {},
): Promise<RunMetrics[]> {
  const ids = typeof runIds === 'string' ? [runIds] : [...runIds];
  if (ids.length === 0) throw new TypeError('getRunMetrics needs at least one run id.');
  const results: RunMetrics[] = [];
  for (const runId of ids) {
    const outputs = (await listRunArtifacts(client, runId, options)).filter(
      (artifact) => artifact.direction === 'output' && artifact.metrics,
    );
    const metrics: RunMetrics['metrics'] = {};
    for (const artifact of outputs) {
      const several =
        outputs.filter((other) => other.task.executionId === artifact.task.executionId).length > 1;
      metrics[artifact.task.label] ??= {};
      const byName = metrics[artifact.task.label] ?? {};
      for (const [name, value] of Object.entries(artifact.metrics ?? {})) {
        byName[several ? `${artifact.name}.${name}` : name] = value;
      }
    }
    results.push({ runId, metrics });
  }
  return results;
}
