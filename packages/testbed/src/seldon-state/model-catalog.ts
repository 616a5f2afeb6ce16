import type { ModelMetadata } from '@ml-platform/seldon-deploy-v1alpha1';
import { objectBody, RpcStatusError, type SeldonRoute } from './http.js';
import type { SeldonContext } from './store.js';

/**
 * Deploy's model catalog, a gRPC service behind grpc-gateway
 * (`ModelMetadataService`): errors are `google.rpc.Status` bodies with the
 * gateway's HTTP mapping (InvalidArgument 3 -> 400, NotFound 5 -> 404,
 * AlreadyExists 6 -> 409); lists filter on every field given and page with
 * `pageSize` / `pageToken` -> `nextPageToken` (an opaque offset here).
 * Runtime metadata joins the catalog with the SeldonDeployments whose graph
 * nodes use a registered `modelUri`.
 */
export function modelCatalogRoutes(context: SeldonContext): SeldonRoute[] {
  const { store } = context;
  const FILTERS = ['URI', 'name', 'version', 'taskType', 'project'] as const;
  return [
    {
      method: 'GET',
      pattern: /^\/model\/metadata$/,
      handle: (request) => {
        const matching = [...store.catalog.values()].filter((model) =>
          FILTERS.every((field) => {
            const wanted = request.query.get(field);
            return wanted === null || wanted === '' || model[field] === wanted;
          }),
        );
        const { items, nextPageToken } = page(matching, request.query);
        return { models: items, nextPageToken };
      },
    },
    {
      method: 'POST',
      pattern: /^\/model\/metadata$/,
      handle: (request) => {
        const model = objectBody<ModelMetadata>(request);
        if (!model.URI) throw new RpcStatusError(400, 3, 'model URI is required');
        if (store.catalog.has(model.URI)) {
          throw new RpcStatusError(409, 6, `model metadata for URI ${model.URI} already exists`);
        }
        store.catalog.set(model.URI, { ...model, creationTime: context.now() });
        return {};
      },
    },
    {
      method: 'PUT',
      pattern: /^\/model\/metadata$/,
      handle: (request) => {
        const model = objectBody<ModelMetadata>(request);
        const current = model.URI ? store.catalog.get(model.URI) : undefined;
        if (!current) throw new RpcStatusError(404, 5, `model metadata for URI ${model.URI} not found`);
        store.catalog.set(current.URI, { ...model, creationTime: current.creationTime });
        return {};
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/model\/metadata$/,
      handle: (request) => {
        const uri = request.query.get('URI') ?? '';
        if (!store.catalog.delete(uri))
          throw new RpcStatusError(404, 5, `model metadata for URI ${uri} not found`);
        return {};
      },
    },
    {
      method: 'GET',
      pattern: /^\/model\/metadata\/runtime$/,
      handle: (request) => {
        const name = request.query.get('DeploymentName');
        const namespace = request.query.get('DeploymentNamespace');
        const uri = request.query.get('ModelURI');
        const runtime = [...store.deployments.values()]
          .map((entry) => entry.deployment)
          .filter(
            (d) =>
              (!name || d.metadata?.name === name) && (!namespace || d.metadata?.namespace === namespace),
          )
          .flatMap((deployment) =>
            (deployment.spec?.predictors ?? []).flatMap((predictor) => {
              const graph = predictor.graph;
              const model = graph?.modelUri ? store.catalog.get(graph.modelUri) : undefined;
              if (!graph || !model || (uri && model.URI !== uri)) return [];
              return [
                {
                  modelUri: model.URI,
                  deploymentName: deployment.metadata?.name,
                  deploymentNamespace: deployment.metadata?.namespace,
                  deploymentKubernetesUid: deployment.metadata?.uid,
                  predictorName: predictor.name,
                  nodeName: graph.name,
                  deploymentStatus: 'Running' as const,
                  deploymentType: 'SeldonDeployment' as const,
                  traffic: String(predictor.traffic ?? 100),
                  shadow: predictor.shadow ?? false,
                  explainer: false,
                  replicas: String(predictor.replicas ?? 1),
                  model,
                },
              ];
            }),
          );
        const { items, nextPageToken } = page(runtime, request.query);
        return { runtimeMetadata: items, nextPageToken };
      },
    },
  ];
}

/** One page of `items` from `pageToken` (an offset) and `pageSize` (default 20). */
export function page<T>(items: T[], query: URLSearchParams): { items: T[]; nextPageToken: string } {
  const size = Number(query.get('pageSize') || 20);
  const offset = Number(query.get('pageToken') || 0);
  if (!(Number.isInteger(size) && size > 0 && Number.isInteger(offset) && offset >= 0)) {
    throw new RpcStatusError(400, 3, 'invalid pageSize or pageToken');
  }
  const end = offset + size;
  return { items: items.slice(offset, end), nextPageToken: end < items.length ? String(end) : '' };
}
