import { requireText } from '@ml-platform/core';
import type { KfpV2Client } from '../client.js';
import {
  type ConfusionMatrix,
  confusionMatrixOf,
  type RocPoint,
  rocCurveOf,
  scalarMetricsOf,
  unwrapStoredValue,
} from './artifact-metadata.js';
import { uiServerOf } from './ui-server-access.js';

/** The task an artifact belongs to, as ML Metadata recorded its execution. */
export interface ArtifactTask {
  /** The task's name in the pipeline (`train`). */
  name: string;
  /** A label that tells loop iterations apart: `train[2]` for iteration 2, else the name. */
  label: string;
  executionId: string;
  podName?: string;
}

/** One input or output artifact of one task of a run. */
export interface RunArtifact {
  /** ML Metadata's artifact id. */
  id: string;
  /** The input or output name in the task (`model`, `metrics`). */
  name: string;
  /** The artifact type: `system.Dataset`, `system.Model`, `system.Metrics`, `system.ClassificationMetrics`, `system.Markdown`, `system.HTML`, ... */
  type: string;
  /** Where the artifact is (`minio://...`, `s3://...`, `gs://...`). */
  uri: string;
  /** Whether the task read it or wrote it. */
  direction: 'input' | 'output';
  /** The task that read or wrote it. */
  task: ArtifactTask;
  /** The task that produced it (for an input: the upstream task; for an output: `task`), when ML Metadata says. */
  producer?: ArtifactTask;
  /** The run's profile namespace, as ML Metadata recorded it. */
  namespace?: string;
  /** Its metadata (custom properties), lists and structs as plain values. */
  metadata: Record<string, unknown>;
  /** A `system.Metrics` artifact's scalar metrics. */
  metrics?: Record<string, number>;
  /** A `system.ClassificationMetrics` artifact's confusion matrix. */
  confusionMatrix?: ConfusionMatrix;
  /** A `system.ClassificationMetrics` artifact's ROC curve. */
  rocCurve?: RocPoint[];
}

/** Options of {@link listRunArtifacts}. */
export interface ListRunArtifactsOptions {
  signal?: AbortSignal;
}

/**
 * Every input and output artifact of every task of a KFP v2 run, from ML
 * Metadata as the KFP UI reads it (frontend/src/mlmd/MlmdUtils.ts: the
 * run's `system.PipelineRun` context, its executions, their events, the
 * artifacts and their types), through the UI server's `/ml_metadata` route
 * at the origin of the client's `uiBaseUrl`, signed by the client's auth.
 * Four metadata calls whatever the run's size.
 */
export async function listRunArtifacts(
  client: KfpV2Client,
  runId: string,
  options: ListRunArtifactsOptions = {},
): Promise<RunArtifact[]> {
  const id = requireText('runId', runId, "'5e0b…'");
  // Loaded on first use: the gRPC-Web client is only needed here.
  const mlmdModule = await import('@ml-platform/kfp-metadata');
  const ui = uiServerOf(client);
  const mlmd = mlmdModule.metadataClientThrough(client, { baseUrl: new URL(ui.baseUrl).origin });
  const lineage = await mlmdModule.getRunLineage(mlmd, id, { signal: options.signal });
  const namespace = mlmdModule.plainProperties(lineage.context.customProperties).namespace;

  const tasks = new Map<bigint, ArtifactTask>();
  const executionsById = new Map(lineage.executions.map((execution) => [execution.id, execution]));
  for (const execution of lineage.executions) {
    if (execution.id === undefined) continue;
    const props = mlmdModule.plainProperties(execution.customProperties);
    const parent =
      typeof props.parent_dag_id === 'number' ? executionsById.get(BigInt(props.parent_dag_id)) : undefined;
    const parentIteration = parent
      ? mlmdModule.plainProperties(parent.customProperties).iteration_index
      : undefined;
    const name = String(props.task_name ?? props.display_name ?? '');
    tasks.set(execution.id, {
      name,
      label: typeof parentIteration === 'number' ? `${name}[${parentIteration}]` : name,
      executionId: String(execution.id),
      ...(typeof props.pod_name === 'string' ? { podName: props.pod_name } : {}),
    });
  }
  const producers = new Map<bigint, ArtifactTask>();
  for (const event of lineage.events) {
    const task = event.executionId === undefined ? undefined : tasks.get(event.executionId);
    if (event.type === mlmdModule.Event_Type.OUTPUT && task && event.artifactId !== undefined) {
      producers.set(event.artifactId, task);
    }
  }
  const result: RunArtifact[] = [];
  for (const event of lineage.events) {
    const direction =
      event.type === mlmdModule.Event_Type.OUTPUT
        ? 'output'
        : event.type === mlmdModule.Event_Type.INPUT
          ? 'input'
          : undefined;
    const artifact = event.artifactId === undefined ? undefined : lineage.artifacts.get(event.artifactId);
    const task = event.executionId === undefined ? undefined : tasks.get(event.executionId);
    if (!direction || !artifact || !task) continue;
    const step = event.path?.steps[0]?.value;
    const metadata: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(mlmdModule.plainProperties(artifact.customProperties))) {
      metadata[key] = unwrapStoredValue(value);
    }
    const type =
      (artifact.typeId !== undefined && lineage.artifactTypes.get(artifact.typeId)?.name) ||
      artifact.type ||
      '';
    const producer = producers.get(artifact.id ?? -1n);
    const confusionMatrix = type === 'system.ClassificationMetrics' ? confusionMatrixOf(metadata) : undefined;
    const rocCurve = type === 'system.ClassificationMetrics' ? rocCurveOf(metadata) : undefined;
    result.push({
      id: String(artifact.id),
      name: step?.case === 'key' ? step.value : String(metadata.display_name ?? ''),
      type,
      uri: artifact.uri ?? '',
      direction,
      task,
      ...(producer ? { producer } : {}),
      ...(typeof namespace === 'string' && namespace ? { namespace } : {}),
      metadata,
      ...(type === 'system.Metrics' ? { metrics: scalarMetricsOf(metadata) } : {}),
      ...(confusionMatrix ? { confusionMatrix } : {}),
      ...(rocCurve ? { rocCurve } : {}),
    });
  }
  return result;
}
