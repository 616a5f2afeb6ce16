import type { SeldonModel, SeldonPipeline } from '@ml-platform/seldon-deploy-v1alpha1';
import { alreadyExists, badRequest, nameOf, notFound, objectBody, type SeldonRoute } from './http.js';
import { ReadCountdown } from './lifecycle.js';
import { predictionFor } from './seldon-deployments.js';
import type { SeldonContext } from './store.js';

/** How a Core v2 Model or Pipeline ends up: ready, or failed with the scheduler's reason. */
export type CoreV2Outcome = { ready: true } | { ready: false; reason: string; message: string };

type Resource = SeldonModel | SeldonPipeline;

export interface StoredCoreV2 {
  resource: Resource;
  rollout: ReadCountdown;
  outcome: CoreV2Outcome;
  deletion?: ReadCountdown;
}

/** The condition the operator sets per kind beside `Ready` (operator/apis/mlops/v1alpha1 `*_types.go`). */
const PROGRESS_CONDITION = { Model: 'ModelReady', Pipeline: 'PipelineReady' } as const;

/**
 * Seldon Core v2 Models and Pipelines (`mlops.seldon.io/v1alpha1`) and the
 * Experiments Deploy runs on pipelines, as the Core v2 operator reports
 * them: after a write, `ModelReady`/`PipelineReady` and the summary `Ready`
 * are `False` (`ModelProgressing`, `PipelineCreating`) until the scheduler
 * loaded it, then `True` with `observedGeneration`; a model no server can
 * load ends `False` with reason `ScheduleFailed` or `ModelFailed`, a
 * pipeline with `PipelineFailed` (scheduler/pkg/store status reasons).
 * Deleting runs the operator's finalizer, so the resource stays readable
 * with a `deletionTimestamp` for a while.
 * Canary and shadow: Deploy runs them as a Core v2 Experiment on the
 * pipeline (`default` the pipeline, a weighted candidate or a mirror). The
 * spec's operations take only the weight, not the candidate's name; the
 * emulator assumes `<pipeline>-canary` / `<pipeline>-shadow`, created
 * beforehand. Promoting gives the pipeline the candidate's spec (a new
 * generation, rolled out again) and ends the experiment; removing ends it.
 */
export function coreV2Routes(context: SeldonContext): SeldonRoute[] {
  return [
    ...resourceRoutes(context, 'Model', 'models', context.store.models),
    ...resourceRoutes(context, 'Pipeline', 'pipelines', context.store.pipelines),
    ...experimentRoutes(context),
    {
      // The Deploy UI's "Predict" for pipelines: the request uploaded as the `predictFile` part,
      // forwarded to the pipeline's V2 endpoint.
      method: 'POST',
      pattern: /^\/namespaces\/([^/]+)\/pipelines\/([^/]+)\/predictfile$/,
      handle: async (request, [namespace = '', name = '']) => {
        const pipeline = context.store.pipelines.get(`${namespace}/${name}`);
        if (!pipeline) throw notFound(`pipeline ${name} in namespace ${namespace}`);
        const form = await request.raw.formData().catch(() => undefined);
        const file = form?.get('predictFile');
        if (!(file instanceof Blob)) throw badRequest('predictFile is required');
        let body: unknown;
        try {
          body = JSON.parse(await file.text());
        } catch {
          throw badRequest('predictFile is not a JSON inference request');
        }
        return predictionFor({ ...request, body });
      },
    },
    {
      method: 'GET',
      pattern: /^\/namespaces\/([^/]+)\/pipelines\/([^/]+)\/models$/,
      handle: (_request, [namespace = '', name = '']) => {
        const pipeline = context.store.pipelines.get(`${namespace}/${name}`);
        if (!pipeline) throw notFound(`pipeline ${name} in namespace ${namespace}`);
        const steps = ((pipeline.resource as SeldonPipeline).spec?.steps ?? []).map((step) => step.name);
        const items = [...context.store.models.values()]
          .map((entry) => entry.resource)
          .filter(
            (model) => model.metadata?.namespace === namespace && steps.includes(model.metadata?.name ?? ''),
          );
        return { apiVersion: 'v1', kind: 'ModelList', items };
      },
    },
  ];
}

function resourceRoutes(
  context: SeldonContext,
  kind: 'Model' | 'Pipeline',
  collection: 'models' | 'pipelines',
  items: Map<string, StoredCoreV2>,
): SeldonRoute[] {
  const base = `^/namespaces/([^/]+)/${collection}`;
  const stored = (namespace: string, name: string): StoredCoreV2 => {
    const found = items.get(`${namespace}/${name}`);
    if (!found) throw notFound(`${collection.slice(0, -1)} ${name} in namespace ${namespace}`);
    return found;
  };
  const write = (namespace: string, resource: Resource, generation: number): Resource => {
    const name = nameOf(resource, kind);
    const entry: StoredCoreV2 = {
      resource: {
        ...resource,
        metadata: {
          ...resource.metadata,
          namespace,
          generation,
          uid: resource.metadata?.uid ?? context.newUid(),
        },
        status: {
          observedGeneration: generation,
          conditions: [
            {
              type: PROGRESS_CONDITION[kind],
              status: 'False',
              reason: kind === 'Model' ? 'ModelProgressing' : 'PipelineCreating',
              lastTransitionTime: context.now(),
            },
            { type: 'Ready', status: 'False', lastTransitionTime: context.now() },
          ],
        },
      },
      rollout: new ReadCountdown(context.timing.coreV2Reads),
      outcome: context.coreV2Outcome(kind, resource),
    };
    items.set(`${namespace}/${name}`, entry);
    return entry.resource;
  };
  const observe = (entry: StoredCoreV2): Resource => {
    if (!entry.rollout.done || entry.deletion) return entry.resource;
    const { outcome } = entry;
    const at = context.now();
    entry.resource.status = {
      observedGeneration: entry.resource.metadata?.generation,
      conditions: outcome.ready
        ? [
            { type: PROGRESS_CONDITION[kind], status: 'True', lastTransitionTime: at },
            { type: 'Ready', status: 'True', lastTransitionTime: at },
          ]
        : [
            {
              type: PROGRESS_CONDITION[kind],
              status: 'False',
              reason: outcome.reason,
              message: outcome.message,
              lastTransitionTime: at,
            },
            { type: 'Ready', status: 'False', reason: outcome.reason, lastTransitionTime: at },
          ],
    };
    return entry.resource;
  };

  const routes: SeldonRoute[] = [
    {
      method: 'POST',
      pattern: new RegExp(`${base}$`),
      handle: (request, [namespace = '']) => {
        const resource = objectBody<Resource>(request);
        const name = nameOf(resource, kind);
        if (items.has(`${namespace}/${name}`)) throw alreadyExists(`${collection}.mlops.seldon.io "${name}"`);
        return write(namespace, resource, 1);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/([^/]+)$`),
      handle: (_request, [namespace = '', name = '']) => {
        const entry = stored(namespace, name);
        if (entry.deletion?.read()) {
          items.delete(`${namespace}/${name}`);
          throw notFound(`${collection.slice(0, -1)} ${name} in namespace ${namespace}`);
        }
        entry.rollout.read();
        return observe(entry);
      },
    },
    {
      method: 'PUT',
      pattern: new RegExp(`${base}/([^/]+)$`),
      handle: (request, [namespace = '', name = '']) => {
        const current = stored(namespace, name);
        const resource = objectBody<Resource>(request);
        if (nameOf(resource, kind) !== name)
          throw badRequest(`metadata.name does not match the path's '${name}'`);
        return write(namespace, resource, (current.resource.metadata?.generation ?? 1) + 1);
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`${base}/([^/]+)$`),
      handle: (_request, [namespace = '', name = '']) => {
        const entry = stored(namespace, name);
        entry.deletion ??= new ReadCountdown(context.timing.deletionReads);
        entry.resource.metadata = { ...entry.resource.metadata, deletionTimestamp: context.now() };
        if (entry.deletion.done) items.delete(`${namespace}/${name}`);
        return {};
      },
    },
  ];
  if (kind === 'Pipeline') {
    routes.push({
      method: 'GET',
      pattern: new RegExp(`${base}$`),
      handle: (_request, [namespace = '']) => ({
        apiVersion: 'v1',
        kind: 'PipelineList',
        items: [...items.values()]
          .filter((entry) => entry.resource.metadata?.namespace === namespace)
          .map(observe),
      }),
    });
  }
  return routes;
}

function experimentRoutes(context: SeldonContext): SeldonRoute[] {
  const { store } = context;
  const base = '^/namespaces/([^/]+)/pipelines/([^/]+)/experiment';
  const pipelineOf = (namespace: string, name: string): StoredCoreV2 => {
    const pipeline = store.pipelines.get(`${namespace}/${name}`);
    if (!pipeline) throw notFound(`pipeline ${name} in namespace ${namespace}`);
    return pipeline;
  };
  const start = (namespace: string, name: string, spec: Record<string, unknown>) => {
    pipelineOf(namespace, name);
    const key = `${namespace}/${name}`;
    if (store.experiments.has(key)) throw alreadyExists(`experiments.mlops.seldon.io "${name}"`);
    store.experiments.set(key, {
      apiVersion: 'mlops.seldon.io/v1alpha1',
      kind: 'Experiment',
      metadata: { name, namespace },
      spec: { default: name, resourceType: 'pipeline', ...spec },
    });
    return {};
  };
  const end = (namespace: string, name: string, candidate: 'canary' | 'shadow', promote: boolean) => {
    const key = `${namespace}/${name}`;
    const experiment = store.experiments.get(key) as
      | { spec?: { candidates?: unknown; mirror?: unknown } }
      | undefined;
    const running = candidate === 'canary' ? experiment?.spec?.candidates : experiment?.spec?.mirror;
    if (!running) throw notFound(`${candidate} of pipeline ${name} in namespace ${namespace}`);
    store.experiments.delete(key);
    const candidateEntry = store.pipelines.get(`${namespace}/${name}-${candidate}`);
    if (promote && candidateEntry) {
      const pipeline = pipelineOf(namespace, name);
      pipeline.resource = { ...pipeline.resource, spec: (candidateEntry.resource as SeldonPipeline).spec };
      pipeline.resource.metadata = {
        ...pipeline.resource.metadata,
        generation: (pipeline.resource.metadata?.generation ?? 1) + 1,
      };
      pipeline.rollout = new ReadCountdown(context.timing.coreV2Reads);
    }
    if (candidateEntry) store.pipelines.delete(`${namespace}/${name}-${candidate}`);
    return {};
  };
  return [
    {
      method: 'GET',
      pattern: new RegExp(`${base}$`),
      handle: (_request, [namespace = '', name = '']) => {
        const experiment = store.experiments.get(`${namespace}/${name}`);
        if (!experiment) throw notFound(`experiment for pipeline ${name} in namespace ${namespace}`);
        return experiment;
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`${base}/canary$`),
      handle: (request, [namespace = '', name = '']) => {
        const weight = Number(request.query.get('weight'));
        if (!(Number.isInteger(weight) && weight >= 0 && weight <= 100)) {
          throw badRequest('weight must be an integer between 0 and 100');
        }
        return start(namespace, name, {
          candidates: [
            { name, weight: 100 - weight },
            { name: `${name}-canary`, weight },
          ],
        });
      },
    },
    {
      method: 'PUT',
      pattern: new RegExp(`${base}/canary$`),
      handle: (_r, [ns = '', n = '']) => end(ns, n, 'canary', true),
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`${base}/canary$`),
      handle: (_r, [ns = '', n = '']) => end(ns, n, 'canary', false),
    },
    {
      method: 'POST',
      pattern: new RegExp(`${base}/shadow$`),
      handle: (_request, [namespace = '', name = '']) =>
        start(namespace, name, {
          candidates: [{ name, weight: 100 }],
          mirror: { name: `${name}-shadow`, percent: 100 },
        }),
    },
    {
      method: 'PUT',
      pattern: new RegExp(`${base}/shadow$`),
      handle: (_r, [ns = '', n = '']) => end(ns, n, 'shadow', true),
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`${base}/shadow$`),
      handle: (_r, [ns = '', n = '']) => end(ns, n, 'shadow', false),
    },
  ];
}
