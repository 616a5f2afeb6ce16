/**
 * RunService (backend/src/apiserver/server/run_server.go, v2beta1): a run
 * needs a display name and a pipeline (a version reference, the latest
 * version when only the pipeline is named, or an inline spec, read as the
 * server reads it: inline-pipeline-spec.ts); in multi-user
 * mode an experiment, whose namespace the run then belongs to. Its state moves
 * on with time (see run-lifecycle.ts); terminate, archive, unarchive, retry
 * and delete act on it as the API server does. How it ends is the test bed's
 * rule (`outcomeOfPipelineName`: a pipeline named `...-fails` fails, one named
 * `...-hangs` runs until terminated).
 */
import { randomUUID } from 'node:crypto';
import { Answer, jsonBody, type KfpContext, type KfpRequest, type Route } from './context.js';
import { findExperiment } from './experiments.js';
import { pipelineNameOf, readInlinePipeline } from './inline-pipeline-spec.js';
import { listPage } from './list-request.js';
import type { Run, StoredRun } from './model.js';
import { latestVersion } from './pipelines.js';
import { timestamp, toProtoJson } from './proto-json.js';
import { invalidInput, notFound, RpcError } from './rpc-status.js';
import { outcomeOfPipelineName, runStatusAt } from './run-lifecycle.js';
import { planRun, tasksAt } from './run-tasks.js';
import { runDetailsOf } from './task-details.js';

const RUN_FIELDS = [
  'run_id',
  'display_name',
  'description',
  'namespace',
  'experiment_id',
  'recurring_run_id',
  'state',
  'storage_state',
  'created_at',
  'scheduled_at',
  'finished_at',
];

/** The run as the API answers it at `now`: stored fields plus the state its clock has reached. */
export function runAt(context: KfpContext, stored: StoredRun): Run {
  const status = runStatusAt(stored.clock, context.timing, context.now());
  const failed = status.state === 'FAILED';
  return {
    ...stored.run,
    state: status.state,
    state_history: status.history.map(({ state, at }) => ({ state, update_time: timestamp(at) })),
    finished_at: status.finishedAt === undefined ? undefined : timestamp(status.finishedAt),
    error: failed ? { code: 2, message: 'A task of the pipeline failed (emulated outcome).' } : undefined,
    run_details: runDetailsOf(
      stored.run.run_id ?? '',
      stored.plan,
      tasksAt(stored.plan, stored.clock, context.timing, context.now()),
    ),
  };
}

/**
 * The test bed's artifacts: a SUCCEEDED run has, on every node, an artifact
 * whose content is derived from its ids (so a test knows what to expect), and
 * `big` of 256 KiB of counting bytes, for streaming; a name starting with
 * `missing` has none. A test bed rule, not KFP behaviour.
 */
export function emulatedArtifact(
  runId: string,
  nodeId: string,
  artifactName: string,
): Uint8Array | undefined {
  if (artifactName.startsWith('missing')) return undefined;
  if (artifactName === 'big') return Uint8Array.from({ length: 256 * 1024 }, (_, index) => index % 251);
  return new TextEncoder().encode(`artifact ${artifactName} of node ${nodeId} in run ${runId}\n`);
}

export function runRoutes(context: KfpContext): Route[] {
  const { store, auth } = context;

  const authorized = (request: KfpRequest, verb: string, id: string) => {
    const stored = store.runs.get(id);
    if (!stored) throw notFound('Run', id);
    auth.check(request.user, verb, 'runs', stored.namespace);
    return stored;
  };
  const isFinished = (stored: StoredRun) => runAt(context, stored).finished_at !== undefined;

  return [
    {
      method: 'POST',
      pattern: /^\/runs$/,
      handle(request) {
        const body = jsonBody<Run>(request);
        const displayName = body.display_name?.trim();
        if (!displayName) throw invalidInput('The run name is empty. Please specify a valid name.');
        const experimentId = body.experiment_id ?? '';
        if (auth.multiUser && !experimentId) throw invalidInput('Run experiment ID is empty.');
        const experiment = experimentId ? findExperiment(context, experimentId) : undefined;
        const namespace = experiment?.namespace ?? '';
        auth.check(request.user, 'create', 'runs', namespace);
        const reference = body.pipeline_version_reference;
        if (Boolean(reference?.pipeline_id) === Boolean(body.pipeline_spec)) {
          throw invalidInput(
            'A run needs exactly one of pipeline_version_reference.pipeline_id and pipeline_spec.',
          );
        }
        let pipelineVersionReference: Run['pipeline_version_reference'];
        let pipelineName = '';
        if (body.pipeline_spec) {
          pipelineName = pipelineNameOf(readInlinePipeline(body.pipeline_spec).pipelineSpec);
        } else if (reference?.pipeline_id) {
          const pipelineId = reference.pipeline_id;
          if (!store.pipelines.has(pipelineId)) throw notFound('Pipeline', pipelineId);
          const version = reference.pipeline_version_id
            ? store.versions.get(reference.pipeline_version_id)
            : latestVersion(context, pipelineId);
          if (!version || version.pipeline_id !== pipelineId) {
            throw notFound(
              'PipelineVersion',
              reference.pipeline_version_id ?? `(latest of pipeline ${pipelineId})`,
            );
          }
          pipelineVersionReference = {
            pipeline_id: pipelineId,
            pipeline_version_id: version.pipeline_version_id,
          };
          pipelineName = pipelineNameOf(version.pipeline_spec);
        }
        const now = context.now();
        const run: StoredRun['run'] = {
          run_id: randomUUID(),
          experiment_id: experimentId,
          display_name: displayName,
          description: body.description ?? '',
          pipeline_version_reference: pipelineVersionReference,
          pipeline_spec: body.pipeline_spec,
          runtime_config: body.runtime_config,
          service_account: body.service_account || (auth.multiUser ? 'default-editor' : 'pipeline-runner'),
          storage_state: 'AVAILABLE',
          created_at: timestamp(now),
          scheduled_at: timestamp(now),
        };
        const stored: StoredRun = {
          run,
          namespace,
          clock: {
            startedAt: now,
            outcome: context.runOutcome?.(run) ?? outcomeOfPipelineName(pipelineName),
          },
          plan: planRun(run.run_id!, pipelineName, context.loopIterations),
        };
        store.runs.set(run.run_id!, stored);
        if (experiment)
          store.experiments.set(experimentId, { ...experiment, last_run_created_at: timestamp(now) });
        return toProtoJson(runAt(context, stored));
      },
    },
    {
      method: 'GET',
      pattern: /^\/runs$/,
      handle(request) {
        const experimentId = request.query.get('experiment_id') ?? '';
        let namespace = request.query.get('namespace') ?? '';
        if (experimentId) namespace = findExperiment(context, experimentId).namespace ?? '';
        auth.requireNamespace(namespace, 'ListRuns');
        if (namespace) auth.check(request.user, 'list', 'runs', namespace);
        const selected = [...store.runs.values()]
          .filter((stored) => stored.namespace === namespace)
          .filter((stored) => !experimentId || stored.run.experiment_id === experimentId)
          .map((stored) => ({ run: runAt(context, stored), namespace: stored.namespace }));
        const page = listPage(selected, request.query, {
          keys: RUN_FIELDS,
          of: ({ run, namespace: ns }) => ({ ...run, namespace: ns }),
        });
        return toProtoJson({
          runs: page.items.map((item) => item.run),
          total_size: page.totalSize,
          next_page_token: page.nextPageToken,
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/runs\/([^/:]+)$/,
      handle: (request, [id = '']) => toProtoJson(runAt(context, authorized(request, 'get', id))),
    },
    {
      // Outside the Swagger document: main.go registers it on the HTTP mux (run_artifact_server.go).
      method: 'GET',
      pattern: /^\/runs\/([^/:]+)\/nodes\/([^/]+)\/artifacts\/([^/:]+):read$/,
      handle(request, [id = '', nodeId = '', artifactName = '']) {
        const stored = store.runs.get(id);
        // ReadArtifact answers with KFP's api.Error body, not a google.rpc.Status.
        const apiError = (status: number, message: string) =>
          new Answer(status, { error_message: message, error_details: message });
        if (!stored) return apiError(404, `artifact not found: run ${id} not found`);
        try {
          auth.check(request.user, 'readArtifact', 'runs', stored.namespace);
        } catch (error) {
          if (error instanceof RpcError)
            return apiError(403, `Failed to authorize the request: ${error.message}`);
          throw error;
        }
        const content = emulatedArtifact(id, nodeId, artifactName);
        if (content === undefined || runAt(context, stored).state !== 'SUCCEEDED') {
          return apiError(404, 'artifact not found: <nil>');
        }
        return new Answer(200, { data: Buffer.from(content).toString('base64') });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/runs\/([^/:]+)$/,
      handle(request, [id = '']) {
        authorized(request, 'delete', id);
        store.runs.delete(id);
        return {};
      },
    },
    {
      method: 'POST',
      pattern: /^\/runs\/([^/:]+):terminate$/,
      handle(request, [id = '']) {
        const stored = authorized(request, 'terminate', id);
        if (!isFinished(stored)) stored.clock = { ...stored.clock, terminatedAt: context.now() };
        return {};
      },
    },
    {
      method: 'POST',
      pattern: /^\/runs\/([^/:]+):retry$/,
      handle(request, [id = '']) {
        const stored = authorized(request, 'retry', id);
        const { state } = runAt(context, stored);
        if (state !== 'FAILED' && state !== 'CANCELED') {
          throw new RpcError(
            'FailedPrecondition',
            `Failed to retry run ${id}: only a failed or canceled run can be retried; it is ${state}.`,
          );
        }
        // The retried workflow starts over; this time it is allowed to succeed.
        stored.clock = { startedAt: context.now(), outcome: 'SUCCEEDED' };
        return {};
      },
    },
    {
      method: 'POST',
      pattern: /^\/runs\/([^/:]+):archive$/,
      handle(request, [id = '']) {
        const stored = authorized(request, 'archive', id);
        stored.run = { ...stored.run, storage_state: 'ARCHIVED' };
        return {};
      },
    },
    {
      method: 'POST',
      pattern: /^\/runs\/([^/:]+):unarchive$/,
      handle(request, [id = '']) {
        const stored = authorized(request, 'unarchive', id);
        const experiment = stored.run.experiment_id
          ? context.store.experiments.get(stored.run.experiment_id)
          : undefined;
        if (experiment?.storage_state === 'ARCHIVED') {
          throw new RpcError(
            'FailedPrecondition',
            `Failed to unarchive run ${id} as experiment ${experiment.experiment_id} must be un-archived first`,
          );
        }
        stored.run = { ...stored.run, storage_state: 'AVAILABLE' };
        return {};
      },
    },
  ];
}
