import type { Invocation } from '../action.js';
import { connectKfp } from '../connection/clients.js';
import { type Column, outputFormat, printResult } from '../output/print.js';

/** One metric across runs: `task.metric`, then one value per run. */
type MetricRow = { metric: string; values: Record<string, number | undefined> };

/**
 * `mlp kfp run metrics <run-id>...`: the scalar metrics of the runs in one
 * table, runs as columns and `task.metric` as rows, as the UI's "compare
 * runs" lays them out. JSON/YAML give `[{ runId, metrics: { task: { name: value } } }]`.
 */
export async function runMetrics({ args: runIds, globals }: Invocation) {
  const { client } = await connectKfp(globals);
  const { getRunMetrics } = await import('@ml-platform/kfp-v2');
  const results = await getRunMetrics(client, runIds);
  if (outputFormat(globals) !== 'table') {
    await printResult(globals, results, []);
    return;
  }
  const rows = new Map<string, MetricRow>();
  for (const { runId, metrics } of results) {
    for (const [task, values] of Object.entries(metrics)) {
      for (const [name, value] of Object.entries(values)) {
        const key = `${task}.${name}`;
        const row = rows.get(key) ?? { metric: key, values: {} };
        row.values[runId] = value;
        rows.set(key, row);
      }
    }
  }
  const columns: Column<MetricRow>[] = [
    { heading: 'Metric', value: (row) => row.metric },
    ...runIds.map((runId) => ({
      heading: runId,
      verbatim: true,
      value: (row: MetricRow) => row.values[runId],
    })),
  ];
  await printResult(
    globals,
    [...rows.values()].sort((a, b) => a.metric.localeCompare(b.metric)),
    columns,
  );
}
