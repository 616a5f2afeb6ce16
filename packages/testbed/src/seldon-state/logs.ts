import { badRequest, objectBody, RpcStatusError, type SeldonRoute } from './http.js';
import { page } from './model-catalog.js';
import type { SeldonContext } from './store.js';

/** A logged request/response pair the emulator serves, for one deployment container or pipeline model. */
export interface InferenceLogSeed {
  namespace: string;
  /** The SeldonDeployment, or the Core v2 pipeline. */
  deployment?: string;
  predictor?: string;
  container?: string;
  pipeline?: string;
  model?: string;
  requestId: string;
  timestamp: string;
  request: unknown;
  response: unknown;
}

/** A container log line the emulator serves. */
export interface ApplicationLogSeed {
  namespace: string;
  pod: string;
  container: string;
  timestamp: string;
  message: string;
}

/**
 * Request logs (`InferenceLogsService`, a grpc-gateway service, so its
 * errors are `google.rpc.Status`), as the spec describes them: filtered by
 * deployment, predictor ("default", "canary", "shadow") and container
 * ("my-container", "input-transformer") or by pipeline and model, and by
 * `startTime` / `endTime`; `limit` is "the maximum number of inference logs
 * to get" and `pageToken` "the page token to use to get the next page",
 * answered with `nextPageToken` and `totalCount`. Container logs
 * (`POST /applicationlogs`, "Read application container logs from elastic
 * search"): Elasticsearch's `from` / `size` window over the pod's lines,
 * with the `total` hit count.
 */
export function logRoutes(context: SeldonContext): SeldonRoute[] {
  const { store } = context;
  const within = (seed: InferenceLogSeed, body: { startTime?: string; endTime?: string }) =>
    (!body.startTime || seed.timestamp >= body.startTime) &&
    (!body.endTime || seed.timestamp <= body.endTime);
  const payloadsPage = (seeds: InferenceLogSeed[], body: { limit?: number; pageToken?: string }) => {
    const query = new URLSearchParams();
    if (body.limit !== undefined) query.set('pageSize', String(body.limit));
    if (body.pageToken) query.set('pageToken', body.pageToken);
    const { items, nextPageToken } = page(seeds, query);
    return {
      payloads: items.map(({ requestId, timestamp, request, response }) => ({
        requestId,
        timestamp,
        request,
        response,
      })),
      nextPageToken,
      totalCount: seeds.length,
    };
  };
  return [
    {
      method: 'POST',
      pattern: /^\/inference-logs\/namespace\/([^/]+)\/seldondeployments\/([^/]+)$/,
      handle: (request, [namespace = '', deployment = '']) => {
        const body = objectBody<{
          predictorName?: string;
          containerName?: string;
          startTime?: string;
          endTime?: string;
          limit?: number;
          pageToken?: string;
        }>(request);
        if (!body.predictorName || !body.containerName) {
          throw new RpcStatusError(400, 3, 'predictorName and containerName are required');
        }
        const seeds = store.inferenceLogs.filter(
          (seed) =>
            seed.namespace === namespace &&
            seed.deployment === deployment &&
            seed.predictor === body.predictorName &&
            seed.container === body.containerName &&
            within(seed, body),
        );
        return {
          namespace,
          deploymentName: deployment,
          predictorName: body.predictorName,
          containerName: body.containerName,
          ...payloadsPage(seeds, body),
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/inference-logs\/namespace\/([^/]+)\/pipelines\/([^/]+)\/models\/([^/]+)$/,
      handle: (request, [namespace = '', pipeline = '', model = '']) => {
        const body = objectBody<{ startTime?: string; endTime?: string; limit?: number; pageToken?: string }>(
          request,
        );
        const seeds = store.inferenceLogs.filter(
          (seed) =>
            seed.namespace === namespace &&
            seed.pipeline === pipeline &&
            seed.model === model &&
            within(seed, body),
        );
        return { namespace, pipelineName: pipeline, modelName: model, ...payloadsPage(seeds, body) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/inference-logs\/seldondeployments$/,
      handle: (request) => {
        const groups = new Map<string, InferenceLogSeed[]>();
        for (const seed of store.inferenceLogs) {
          if (!seed.deployment) continue;
          const wanted = [
            ['namespace', seed.namespace],
            ['deploymentName', seed.deployment],
            ['predictorName', seed.predictor],
            ['containerName', seed.container],
          ] as const;
          if (
            !wanted.every(([param, value]) => !request.query.get(param) || request.query.get(param) === value)
          )
            continue;
          const key = `${seed.namespace}/${seed.deployment}/${seed.predictor}/${seed.container}`;
          groups.set(key, [...(groups.get(key) ?? []), seed]);
        }
        return {
          inferenceLogs: [...groups.values()].map((seeds) => {
            const [first] = seeds as [InferenceLogSeed];
            return {
              namespace: first.namespace,
              name: first.deployment,
              predictor: first.predictor,
              container: first.container,
              count: seeds.length,
              startTime: first.timestamp,
              endTime: seeds[seeds.length - 1]?.timestamp,
            };
          }),
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/applicationlogs$/,
      handle: (request) => {
        const body = objectBody<{
          deployment_namespace?: string;
          pod_name?: string;
          container_name?: string;
          from?: number;
          size?: number;
        }>(request);
        if (!body.deployment_namespace || !body.pod_name)
          throw badRequest('deployment_namespace and pod_name are required');
        const lines = store.applicationLogs.filter(
          (line) =>
            line.namespace === body.deployment_namespace &&
            line.pod === body.pod_name &&
            (!body.container_name || line.container === body.container_name),
        );
        const from = body.from ?? 0;
        const size = body.size ?? 10;
        return {
          logs: lines.slice(from, from + size).map(({ timestamp, message }) => ({ timestamp, message })),
          total: lines.length,
        };
      },
    },
  ];
}
