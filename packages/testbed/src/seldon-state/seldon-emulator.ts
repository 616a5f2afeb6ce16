import type { SeldonDeployment } from '@ml-platform/seldon-deploy-v1alpha1';
import { batchJobRoutes } from './batch-jobs.js';
import { type CoreV2Outcome, coreV2Routes } from './core-v2.js';
import {
  errorResponse,
  json,
  RpcStatusError,
  SeldonApiError,
  type SeldonRequest,
  type SeldonRoute,
} from './http.js';
import { resolveTiming, type SeldonTiming } from './lifecycle.js';
import { type ApplicationLogSeed, type InferenceLogSeed, logRoutes } from './logs.js';
import { modelCatalogRoutes } from './model-catalog.js';
import { type DeploymentOutcome, seldonDeploymentRoutes } from './seldon-deployments.js';
import { createSeldonStore, type SeldonContext } from './store.js';

/** The API's base path (`basePath` of the v1alpha1 spec). */
export const SELDON_BASE_PATH = '/seldon-deploy/api/v1alpha1';

export interface SeldonEmulatorOptions {
  /** How many reads each state change takes. */
  timing?: SeldonTiming;
  /** How each rollout of a SeldonDeployment ends. Default: Available. */
  deploymentOutcome?: (deployment: SeldonDeployment) => DeploymentOutcome;
  /** How each Core v2 Model or Pipeline ends up. Default: ready. */
  coreV2Outcome?: (kind: 'Model' | 'Pipeline', resource: { metadata?: { name?: string } }) => CoreV2Outcome;
  /** How each batch job's workflow ends. Default: Succeeded. */
  batchJobOutcome?: (definition: Record<string, unknown>) => 'Succeeded' | 'Failed' | 'Error';
}

export interface SeldonEmulator {
  /** Answers a request whose path is relative to the base path (what a spec-checked fake hands over). */
  answer(request: Request, path: string): Promise<Response>;
  /** A client's `fetch` option: answers `<any origin>/seldon-deploy/api/v1alpha1/...`. */
  fetch(request: Request): Promise<Response>;
  /** Request logs and container log lines to serve, as a request logger and Elasticsearch would hold them. */
  seedLogs(logs: { inference?: InferenceLogSeed[]; application?: ApplicationLogSeed[] }): void;
  /** Counts of what it holds. */
  snapshot(): {
    deployments: number;
    models: number;
    pipelines: number;
    experiments: number;
    batchJobs: number;
    catalog: number;
  };
}

/**
 * A small stateful stand-in for Seldon Deploy's v1alpha1 API, for helpers
 * that wait on state: deployments roll out, Core v2 models and pipelines
 * become ready, deleted resources go away, batch jobs run, canaries are
 * promoted, and the catalog and logs page. Each module traces its
 * behaviour to Seldon's sources or docs. Requests need an `authorization`
 * header (Deploy sits behind its OIDC gateway: 401 otherwise).
 */
export function createSeldonEmulator(options: SeldonEmulatorOptions = {}): SeldonEmulator {
  let sequence = 0;
  let resourceVersion = 1000;
  const context: SeldonContext = {
    store: createSeldonStore(),
    timing: resolveTiming(options.timing),
    deploymentOutcome: options.deploymentOutcome ?? (() => ({ state: 'Available' })),
    coreV2Outcome: options.coreV2Outcome ?? (() => ({ ready: true })),
    batchJobOutcome: options.batchJobOutcome ?? (() => 'Succeeded'),
    // One second per call after 2026-01-01, so timestamps sort in the order things happened.
    now: () => new Date(Date.UTC(2026, 0, 1) + ++sequence * 1000).toISOString(),
    newUid: () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
    nextResourceVersion: () => ++resourceVersion,
  };
  const routes: SeldonRoute[] = [
    ...seldonDeploymentRoutes(context),
    ...coreV2Routes(context),
    ...batchJobRoutes(context),
    ...modelCatalogRoutes(context),
    ...logRoutes(context),
  ];

  async function answer(request: Request, path: string): Promise<Response> {
    if (!request.headers.get('authorization')) return errorResponse(new SeldonApiError(401, 'unauthorized'));
    const url = new URL(request.url);
    const text = request.body === null ? '' : await request.clone().text();
    let body: unknown;
    if ((request.headers.get('content-type') ?? '').includes('application/json') && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return errorResponse(new SeldonApiError(400, 'request body is not valid JSON'));
      }
    }
    const seldonRequest: SeldonRequest = {
      method: request.method,
      path,
      query: url.searchParams,
      body,
      raw: request,
    };
    try {
      for (const route of routes) {
        const match = route.method === request.method ? route.pattern.exec(path) : null;
        if (!match) continue;
        const result = await route.handle(seldonRequest, match.slice(1).map(decodeURIComponent));
        return result instanceof Response ? result : json(result);
      }
      return errorResponse(
        new SeldonApiError(404, `the test bed's Seldon emulator does not serve ${request.method} ${path}`),
      );
    } catch (error) {
      if (error instanceof SeldonApiError || error instanceof RpcStatusError) return errorResponse(error);
      throw error;
    }
  }

  return {
    answer,
    fetch: async (request) => {
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(SELDON_BASE_PATH)) {
        return errorResponse(new SeldonApiError(404, `${pathname} is not under ${SELDON_BASE_PATH}`));
      }
      return answer(request, pathname.slice(SELDON_BASE_PATH.length));
    },
    seedLogs: (logs) => {
      context.store.inferenceLogs.push(...(logs.inference ?? []));
      context.store.applicationLogs.push(...(logs.application ?? []));
    },
    snapshot: () => {
      const { store } = context;
      return {
        deployments: store.deployments.size,
        models: store.models.size,
        pipelines: store.pipelines.size,
        experiments: store.experiments.size,
        batchJobs: store.batchJobs.size,
        catalog: store.catalog.size,
      };
    },
  };
}
