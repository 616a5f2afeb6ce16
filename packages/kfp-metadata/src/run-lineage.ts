import type { MetadataClient } from './create-metadata-client.js';
import { MetadataError, MetadataErrorCode } from './errors.js';
import type {
  Artifact,
  ArtifactType,
  Context,
  Event,
  Execution,
} from './generated/ml_metadata/proto/metadata_store_pb.js';

/** The context type KFP's v2 launcher files every run under, named by the run id (backend/src/v2/metadata/client.go). */
export const PIPELINE_RUN_CONTEXT_TYPE = 'system.PipelineRun';

/** What ML Metadata holds about one KFP v2 run. */
export interface RunLineage {
  /** The run's `system.PipelineRun` context. */
  context: Context;
  /** Every execution of the run: one per task, DAG and loop iteration the driver recorded. */
  executions: Execution[];
  /** Every input and output event of those executions (which artifact, which way, under which name). */
  events: Event[];
  /** Every artifact those events name, by id. */
  artifacts: Map<bigint, Artifact>;
  /** The types of those artifacts, by type id (`system.Dataset`, `system.Metrics`, ...). */
  artifactTypes: Map<bigint, ArtifactType>;
}

/** Options of {@link getRunLineage}. */
export interface RunLineageOptions {
  signal?: AbortSignal;
}

/**
 * Reads everything ML Metadata holds about a KFP v2 run, as the KFP UI
 * gathers it for a run's details page (frontend/src/mlmd/MlmdUtils.ts): the
 * `system.PipelineRun` context named by the run id, its executions, their
 * events and the artifacts those name. Four calls whatever the run's size
 * (more only when the store pages its answers); each answer is bounded by the
 * client's `maxResponseBytes`.
 *
 * @throws {MetadataError} `METADATA_RUN_NOT_FOUND` when the store has no context for the run.
 */
export async function getRunLineage(
  client: MetadataClient,
  runId: string,
  options: RunLineageOptions = {},
): Promise<RunLineage> {
  const { signal } = options;
  if (typeof runId !== 'string' || runId.trim() === '') {
    throw new TypeError(`runId must be a non-empty string (a KFP run id), got ${JSON.stringify(runId)}.`);
  }
  const { context } = await client.getContextByTypeAndName(
    { typeName: PIPELINE_RUN_CONTEXT_TYPE, contextName: runId },
    { signal },
  );
  if (!context?.id) {
    throw new MetadataError(
      MetadataErrorCode.runNotFound,
      `ML Metadata has no ${PIPELINE_RUN_CONTEXT_TYPE} context named ${JSON.stringify(runId)}: the run is not a ` +
        'KFP v2 run, has not started a task yet, or the id is wrong.',
    );
  }
  const executions: Execution[] = [];
  let pageToken: string | undefined;
  do {
    const page = await client.getExecutionsByContext(
      { contextId: context.id, ...(pageToken ? { options: { nextPageToken: pageToken } } : {}) },
      { signal },
    );
    executions.push(...page.executions);
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);

  const executionIds = executions.flatMap((execution) => (execution.id === undefined ? [] : [execution.id]));
  const { events } = executionIds.length
    ? await client.getEventsByExecutionIDs({ executionIds }, { signal })
    : { events: [] as Event[] };
  const artifactIds = [
    ...new Set(events.flatMap((event) => (event.artifactId === undefined ? [] : [event.artifactId]))),
  ];
  const artifacts = new Map<bigint, Artifact>();
  const artifactTypes = new Map<bigint, ArtifactType>();
  if (artifactIds.length) {
    // populate_artifact_types: the types come in the same answer, as the UI needs them to tell metrics apart.
    const answer = await client.getArtifactsByID({ artifactIds, populateArtifactTypes: true }, { signal });
    for (const artifact of answer.artifacts)
      if (artifact.id !== undefined) artifacts.set(artifact.id, artifact);
    for (const type of answer.artifactTypes) if (type.id !== undefined) artifactTypes.set(type.id, type);
  }
  return { context, executions, events, artifacts, artifactTypes };
}
