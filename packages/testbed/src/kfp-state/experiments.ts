/**
 * ExperimentService (backend/src/apiserver/server/experiment_server.go, v2beta1):
 * create, get, list (by namespace in multi-user mode), delete, archive and
 * unarchive; archiving an experiment archives its runs too.
 */
import { randomUUID } from 'node:crypto';
import type { KfpContext, Route } from './context.js';
import { jsonBody } from './context.js';
import { listPage } from './list-request.js';
import type { Experiment } from './model.js';
import { timestamp, toProtoJson } from './proto-json.js';
import { invalidInput, notFound, RpcError } from './rpc-status.js';

const LIST_FIELDS = {
  keys: [
    'experiment_id',
    'display_name',
    'description',
    'namespace',
    'storage_state',
    'created_at',
    'last_run_created_at',
  ],
  of: (experiment: Experiment) => ({ ...experiment }),
};

export function findExperiment(context: KfpContext, id: string): Experiment {
  const experiment = context.store.experiments.get(id);
  if (!experiment) throw notFound('Experiment', id);
  return experiment;
}

export function experimentRoutes(context: KfpContext): Route[] {
  const { store, auth } = context;
  const authorized = (user: string | undefined, verb: string, id: string) => {
    const experiment = findExperiment(context, id);
    auth.check(user, verb, 'experiments', experiment.namespace ?? '');
    return experiment;
  };
  // Archiving cascades to the experiment's runs; unarchiving leaves them archived (resource_manager.go).
  const setStorage = (id: string, state: 'AVAILABLE' | 'ARCHIVED') => {
    const experiment = store.experiments.get(id)!;
    store.experiments.set(id, { ...experiment, storage_state: state });
    if (state === 'ARCHIVED') {
      for (const stored of store.runs.values()) {
        if (stored.run.experiment_id === id) stored.run = { ...stored.run, storage_state: state };
      }
    }
    return {};
  };

  return [
    {
      method: 'POST',
      pattern: /^\/experiments$/,
      handle(request) {
        const body = jsonBody<Experiment>(request);
        const displayName = body.display_name?.trim();
        if (!displayName)
          throw invalidInput('Experiment name is empty. Please specify a valid experiment name.');
        const namespace = body.namespace?.trim() ?? '';
        if (auth.multiUser && !namespace)
          throw invalidInput('Experiment namespace is empty in multi-user mode.');
        auth.check(request.user, 'create', 'experiments', namespace);
        const taken = [...store.experiments.values()].some(
          (experiment) =>
            experiment.display_name === displayName && (experiment.namespace ?? '') === namespace,
        );
        if (taken) {
          throw new RpcError(
            'AlreadyExists',
            `Already exist error: Failed to create a new experiment. The name ${displayName} already exists. Please specify a new name.`,
          );
        }
        const experiment: Experiment = {
          experiment_id: randomUUID(),
          display_name: displayName,
          description: body.description ?? '',
          namespace,
          created_at: timestamp(context.now()),
          storage_state: 'AVAILABLE',
          last_run_created_at: timestamp(0),
        };
        store.experiments.set(experiment.experiment_id!, experiment);
        return toProtoJson(experiment);
      },
    },
    {
      method: 'GET',
      pattern: /^\/experiments$/,
      handle(request) {
        const namespace = request.query.get('namespace') ?? '';
        auth.requireNamespace(namespace, 'ListExperiments');
        if (namespace) auth.check(request.user, 'list', 'experiments', namespace);
        const inNamespace = [...store.experiments.values()].filter((e) => (e.namespace ?? '') === namespace);
        const page = listPage(inNamespace, request.query, LIST_FIELDS);
        return toProtoJson({
          experiments: page.items,
          total_size: page.totalSize,
          next_page_token: page.nextPageToken,
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/experiments\/([^/:]+)$/,
      handle: (request, [id = '']) => toProtoJson(authorized(request.user, 'get', id)),
    },
    {
      method: 'DELETE',
      pattern: /^\/experiments\/([^/:]+)$/,
      handle(request, [id = '']) {
        authorized(request.user, 'delete', id);
        store.experiments.delete(id);
        return {};
      },
    },
    {
      method: 'POST',
      pattern: /^\/experiments\/([^/:]+):archive$/,
      handle(request, [id = '']) {
        authorized(request.user, 'archive', id);
        return setStorage(id, 'ARCHIVED');
      },
    },
    {
      method: 'POST',
      pattern: /^\/experiments\/([^/:]+):unarchive$/,
      handle(request, [id = '']) {
        authorized(request.user, 'unarchive', id);
        return setStorage(id, 'AVAILABLE');
      },
    },
  ];
}
