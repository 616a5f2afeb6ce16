import type { SeldonDeployment } from '@ml-platform/seldon-deploy-v1alpha1';
import {
  alreadyExists,
  badRequest,
  nameOf,
  notFound,
  objectBody,
  SeldonApiError,
  type SeldonRequest,
  type SeldonRoute,
} from './http.js';
import { ReadCountdown } from './lifecycle.js';
import type { SeldonContext } from './store.js';

/** How a rollout of a SeldonDeployment ends. */
export type DeploymentOutcome =
  | { state: 'Available' }
  | { state: 'Failed'; description: string; condition?: { type: string; reason: string; message: string } };

/** What the store keeps of a SeldonDeployment: the manifest as written, and its rollout. */
export interface StoredDeployment {
  deployment: SeldonDeployment;
  rollout: ReadCountdown;
  outcome: DeploymentOutcome;
  deletion?: ReadCountdown;
}

const BASE = '^/namespaces/([^/]+)/seldondeployments';

/**
 * SeldonDeployments (Core v1), as Seldon Deploy passes them to the
 * Kubernetes API server and Seldon Core's operator reports them:
 * - a create or update bumps `metadata.generation` and the status is
 *   `Creating` until the operator's deployments are ready, then `Available`
 *   with `observedGeneration` (seldon-core operator/controllers/
 *   seldondeployment_controller.go, `updateStatus`), or `Failed` with a
 *   `description` and a `False` condition;
 * - a delete sets `deletionTimestamp`; the object is readable until the
 *   garbage collector removed it (Kubernetes graceful deletion);
 * - predict and explain are forwarded to the predictor / explainer, which
 *   answer in the request's protocol (Seldon `data.ndarray` or V2 `inputs`).
 */
export function seldonDeploymentRoutes(context: SeldonContext): SeldonRoute[] {
  const { store } = context;
  const key = (namespace: string, name: string) => `${namespace}/${name}`;
  const stored = (namespace: string, name: string): StoredDeployment => {
    const found = store.deployments.get(key(namespace, name));
    if (!found) throw notFound(`seldondeployment ${name} in namespace ${namespace}`);
    return found;
  };
  const write = (namespace: string, deployment: SeldonDeployment, generation: number): StoredDeployment => {
    const entry: StoredDeployment = {
      deployment: {
        ...deployment,
        metadata: {
          ...deployment.metadata,
          namespace,
          generation,
          resourceVersion: String(context.nextResourceVersion()),
          uid: deployment.metadata?.uid ?? context.newUid(),
        },
        status: { state: 'Creating', observedGeneration: generation - 1 },
      },
      rollout: new ReadCountdown(context.timing.deploymentReads),
      outcome: context.deploymentOutcome(deployment),
    };
    store.deployments.set(key(namespace, nameOf(deployment, 'SeldonDeployment')), entry);
    return entry;
  };

  return [
    {
      method: 'GET',
      pattern: new RegExp(`${BASE}$`),
      handle: (_request, [namespace = '']) => ({
        apiVersion: 'v1',
        kind: 'SeldonDeploymentList',
        items: [...store.deployments.values()]
          .filter((entry) => entry.deployment.metadata?.namespace === namespace)
          .map((entry) => observe(entry, context)),
      }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`${BASE}$`),
      handle: (request, [namespace = '']) => {
        const deployment = objectBody<SeldonDeployment>(request);
        const name = nameOf(deployment, 'SeldonDeployment');
        checkNamespace(deployment, namespace);
        if (store.deployments.has(key(namespace, name))) {
          throw alreadyExists(`seldondeployments.machinelearning.seldon.io "${name}"`);
        }
        return write(namespace, deployment, 1).deployment;
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${BASE}/([^/]+)$`),
      handle: (_request, [namespace = '', name = '']) => {
        const entry = stored(namespace, name);
        if (entry.deletion?.read()) {
          store.deployments.delete(key(namespace, name));
          throw notFound(`seldondeployment ${name} in namespace ${namespace}`);
        }
        entry.rollout.read();
        return observe(entry, context);
      },
    },
    {
      method: 'PUT',
      pattern: new RegExp(`${BASE}/([^/]+)$`),
      handle: (request, [namespace = '', name = '']) => {
        const current = stored(namespace, name);
        const deployment = objectBody<SeldonDeployment>(request);
        if (nameOf(deployment, 'SeldonDeployment') !== name) {
          throw badRequest(
            `metadata.name '${deployment.metadata?.name}' does not match the path's '${name}'`,
          );
        }
        checkNamespace(deployment, namespace);
        // Kubernetes' optimistic concurrency: a stale resourceVersion is a conflict.
        const sent = deployment.metadata?.resourceVersion;
        if (sent !== undefined && sent !== current.deployment.metadata?.resourceVersion) {
          throw conflict(name);
        }
        return write(namespace, deployment, (current.deployment.metadata?.generation ?? 1) + 1).deployment;
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`${BASE}/([^/]+)$`),
      handle: (_request, [namespace = '', name = '']) => {
        const entry = stored(namespace, name);
        entry.deletion ??= new ReadCountdown(context.timing.deletionReads);
        entry.deployment.metadata = { ...entry.deployment.metadata, deletionTimestamp: context.now() };
        if (entry.deletion.done) store.deployments.delete(key(namespace, name));
        return {};
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`${BASE}/([^/]+)/predict$`),
      handle: (request, [namespace = '', name = '']) => {
        requireAvailable(stored(namespace, name), context, 'predictor');
        return predictionFor(request);
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`${BASE}/([^/]+)/explain$`),
      handle: (request, [namespace = '', name = '']) => {
        const entry = requireAvailable(stored(namespace, name), context, 'explainer');
        const explained = entry.deployment.spec?.predictors?.some((predictor) => predictor.explainer);
        // Deploy forwards to the explainer's service, which does not exist without one;
        // the spec lists only a 500 for this operation.
        if (!explained) throw new SeldonApiError(500, `seldondeployment ${name} has no explainer`);
        objectBody(request);
        // Alibi's AnchorTabular explanation, reduced to the fields users read.
        return {
          meta: { name: 'AnchorTabular' },
          data: { anchor: ['petal width (cm) > 1.80'], precision: 0.98, coverage: 0.32 },
        };
      },
    },
  ];
}

function observe(entry: StoredDeployment, context: SeldonContext): SeldonDeployment {
  const { deployment, rollout, outcome } = entry;
  if (!rollout.done || entry.deletion) return deployment;
  const generation = deployment.metadata?.generation;
  if (outcome.state === 'Available') {
    deployment.status = {
      state: 'Available',
      observedGeneration: generation,
      replicas: 1,
      address: {
        url: `http://${deployment.metadata?.name}-default.${deployment.metadata?.namespace}.svc.cluster.local:8000/api/v1.0/predictions`,
      },
      conditions: [
        { type: 'DeploymentsReady', status: 'True', lastTransitionTime: context.now() },
        { type: 'Ready', status: 'True', lastTransitionTime: context.now() },
      ],
    };
  } else {
    const condition = outcome.condition ?? {
      type: 'DeploymentsReady',
      reason: 'Failed',
      message: outcome.description,
    };
    deployment.status = {
      state: 'Failed',
      observedGeneration: generation,
      description: outcome.description,
      conditions: [
        { ...condition, status: 'False', lastTransitionTime: context.now() },
        { type: 'Ready', status: 'False', reason: condition.reason, lastTransitionTime: context.now() },
      ],
    };
  }
  return deployment;
}

function requireAvailable(entry: StoredDeployment, context: SeldonContext, part: string): StoredDeployment {
  if (observe(entry, context).status?.state !== 'Available') {
    throw badRequest(`the ${part} of seldondeployment ${entry.deployment.metadata?.name} is not available`);
  }
  return entry;
}

function checkNamespace(deployment: SeldonDeployment, namespace: string): void {
  const given = deployment.metadata?.namespace;
  if (given !== undefined && given !== namespace) {
    throw badRequest(`metadata.namespace '${given}' does not match the path's namespace '${namespace}'`);
  }
}

function conflict(name: string): SeldonApiError {
  return new SeldonApiError(
    409,
    `Operation cannot be fulfilled on seldondeployments.machinelearning.seldon.io "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
}

/** A prediction in the protocol of the request: V2 `outputs` for `inputs`, else Seldon's `data.ndarray`. */
export function predictionFor(request: SeldonRequest): unknown {
  const body = objectBody<{ inputs?: { shape?: number[] }[]; id?: string }>(request);
  if (Array.isArray(body.inputs)) {
    const rows = body.inputs[0]?.shape?.[0] ?? 1;
    return {
      model_name: 'classifier',
      id: body.id ?? 'emulated-inference',
      outputs: [
        { name: 'predict', shape: [rows, 1], datatype: 'INT64', data: Array.from({ length: rows }, () => 1) },
      ],
    };
  }
  return { data: { names: ['t:0', 't:1', 't:2'], ndarray: [[0.9, 0.06, 0.04]] }, meta: {} };
}
