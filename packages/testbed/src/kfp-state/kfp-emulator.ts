import { jsonResponse, type PartialUpstream, type UpstreamRequest } from '../gateway/upstream.js';
import { Answer, type KfpContext, type KfpRequest, type Route } from './context.js';
import { experimentRoutes } from './experiments.js';
import { createStore, type KfpStore, type Run } from './model.js';
import { Authorizer, DEFAULT_NAMESPACE_ACCESS, type NamespaceAccess } from './namespace-access.js';
import { pipelineRoutes } from './pipelines.js';
import { toProtoJson } from './proto-json.js';
import { RpcError, rpcErrorResponse } from './rpc-status.js';
import { type RunOutcome, type RunTiming, resolveTiming } from './run-lifecycle.js';
import { type RunPlan, type TaskAt, tasksAt } from './run-tasks.js';
import { runAt, runRoutes } from './runs.js';

const API_PREFIX = '/apis/v2beta1';
/** The resources this emulator keeps; anything else under the API is left to another upstream. */
const OWNED = /^\/(healthz|experiments|pipelines|runs)(\/|:|$)/;
/** The header the API server reads the user from behind Kubeflow's gateway (`KUBEFLOW_USERID_HEADER`). */
const USER_ID_HEADER = 'kubeflow-userid';

export interface KfpEmulatorOptions {
  /** KFP's multi-user mode (Kubeflow's default): namespaces, authorization, `kubeflow-userid` required. Default true. */
  multiUser?: boolean;
  /** Who may work in which profile namespace. Default: `kubeflow-user-example-com` for `user@example.com` and its `default-editor` ServiceAccount. */
  namespaces?: NamespaceAccess;
  /** How long runs stay PENDING and RUNNING. */
  runTiming?: RunTiming;
  /**
   * How each new run ends. Default: by the name of the pipeline it runs
   * (`pipelineInfo.name`): `...-fails` ends FAILED, `...-hangs` stays RUNNING
   * until terminated, anything else SUCCEEDED.
   */
  runOutcome?: (run: Run) => RunOutcome;
  /** Clock, ms. Default `Date.now`. */
  now?: () => number;
  /** How many items each run's ParallelFor loop has (run-tasks.ts). Default 3. */
  loopIterations?: number;
}

export interface KfpEmulator {
  /** Serves `/apis/v2beta1/{healthz,experiments,pipelines,runs}...`; resolves undefined for other paths. */
  readonly handle: PartialUpstream;
  /** What the emulator holds, read-only, runs with their current state. */
  snapshot(): { experiments: number; pipelines: number; pipelineVersions: number; runs: Run[] };
  /** A run's Argo workflow as the KFP UI server and ML Metadata see it now; undefined for an unknown run. */
  workflowOf(runId: string): RunWorkflow | undefined;
  /** Every run id, oldest first. */
  runIds(): string[];
  /** KFP's multi-user mode: the UI server then checks namespaces too. */
  readonly multiUser: boolean;
  /**
   * Whether `user` may view `namespace`: the UI server's `authorizeFn` (a
   * SubjectAccessReview for `get` on `viewers`); always true in single-user mode.
   */
  mayView(user: string | undefined, namespace: string): boolean;
}

/** One run's workflow at one moment: what the UI server's and ML Metadata's stand-ins serve. */
export interface RunWorkflow {
  runId: string;
  /** The run's profile namespace ('' in single-user mode). */
  namespace: string;
  plan: RunPlan;
  /** The tasks started so far, with their state. */
  tasks: TaskAt[];
  /** The moment the tasks are taken at. */
  now: number;
}

/**
 * A stateful stand-in for the Kubeflow Pipelines API server (v2beta1), for
 * what a user notices when state is missing: an uploaded pipeline is listed
 * and can be run, an experiment created is found by name, a run moves from
 * PENDING through RUNNING to SUCCEEDED so `waitForRunCompletion` returns.
 * Each module names the part of the KFP backend it follows.
 */
export function createKfpEmulator(options: KfpEmulatorOptions = {}): KfpEmulator {
  const multiUser = options.multiUser ?? true;
  const store: KfpStore = createStore();
  const context: KfpContext = {
    store,
    auth: new Authorizer(multiUser, options.namespaces ?? DEFAULT_NAMESPACE_ACCESS),
    timing: resolveTiming(options.runTiming),
    now: options.now ?? Date.now,
    runOutcome: options.runOutcome,
    loopIterations: options.loopIterations ?? 3,
  };
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/healthz$/,
      handle: () => toProtoJson({ multi_user: multiUser, pipeline_store: 'database' }),
    },
    ...experimentRoutes(context),
    ...pipelineRoutes(context),
    ...runRoutes(context),
  ];

  const handle: PartialUpstream = async (upstreamRequest: UpstreamRequest) => {
    const url = new URL(upstreamRequest.path, 'http://kfp.invalid');
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) return undefined;
    const path = url.pathname.slice(API_PREFIX.length);
    if (!OWNED.test(path)) return undefined;
    try {
      const request: KfpRequest = {
        method: upstreamRequest.method,
        path,
        query: url.searchParams,
        headers: upstreamRequest.headers,
        body: upstreamRequest.body,
        user: context.auth.user(upstreamRequest.headers.get(USER_ID_HEADER)),
      };
      for (const route of routes) {
        const match = route.method === request.method ? route.pattern.exec(path) : null;
        if (!match) continue;
        const answer = await route.handle(request, match.slice(1));
        return answer instanceof Answer
          ? jsonResponse(answer.status, answer.body)
          : jsonResponse(200, answer);
      }
      throw new RpcError(
        'Unimplemented',
        `The test bed's KFP emulator does not implement ${request.method} ${API_PREFIX}${path}.`,
      );
    } catch (error) {
      if (error instanceof RpcError) return rpcErrorResponse(error);
      throw error;
    }
  };

  return {
    handle,
    snapshot: () => ({
      experiments: store.experiments.size,
      pipelines: store.pipelines.size,
      pipelineVersions: store.versions.size,
      runs: [...store.runs.values()].map((stored) => runAt(context, stored)),
    }),
    multiUser,
    runIds: () => [...store.runs.keys()],
    mayView(user, namespace) {
      try {
        context.auth.check(user, 'get', 'viewers', namespace);
        return true;
      } catch (error) {
        if (error instanceof RpcError) return false;
        throw error;
      }
    },
    workflowOf(runId) {
      const stored = store.runs.get(runId);
      if (!stored) return undefined;
      const now = context.now();
      return {
        runId,
        namespace: stored.namespace,
        plan: stored.plan,
        tasks: tasksAt(stored.plan, stored.clock, context.timing, now),
        now,
      };
    },
  };
}
