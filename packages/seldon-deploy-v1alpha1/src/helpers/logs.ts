import { invalidOption, requireText, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { components } from '../generated/schema.js';
import { followPageTokens, type TokenPagingOptions } from './page-tokens.js';

type Schemas = components['schemas'];
/** One logged request and its response, as the request logger stored them. */
export type InferenceLogEntry = Schemas['v1InferenceLogsRawPayload'];
/** Which deployment containers have request logs, how many and over what time. */
export type DeploymentInferenceLogSummary = Schemas['v1InferenceLogsDeploymentItem'];
/** A container log line from Elasticsearch. */
export type ApplicationLogLine = Schemas['ApplicationLog'];

/** The options of the inference log listings: a time window, paging and a limit. */
export interface InferenceLogOptions extends TokenPagingOptions {
  /** Logs from this time on (RFC 3339 text or a Date). */
  startTime?: string | Date | undefined;
  /** Logs up to this time. */
  endTime?: string | Date | undefined;
}

function timeOf(option: string, value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(time.getTime())) {
    throw invalidOption(
      `${option} must be a Date or an RFC 3339 time such as '2026-01-01T00:00:00Z', got ${JSON.stringify(String(value))}.`,
    );
  }
  return time.toISOString();
}

/**
 * The request logs of a SeldonDeployment's container (each with the
 * request, the response and the request id), oldest first, page by page.
 * `predictor` is `default`, `canary`, `shadow`, ...; `container` the
 * graph node (the model, `input-transformer`, ...).
 */
export function listDeploymentInferenceLogs(
  client: SeldonDeployClient,
  target: { namespace: string; deployment: string; predictor: string; container: string },
  options: InferenceLogOptions = {},
): AsyncGenerator<InferenceLogEntry, void, undefined> {
  const path = {
    namespace: requireText('target.namespace', target?.namespace, "'seldon'"),
    deploymentName: requireText('target.deployment', target?.deployment, "'iris'"),
  };
  const predictorName = requireText('target.predictor', target.predictor, "'default'");
  const containerName = requireText('target.container', target.container, "'classifier'");
  const startTime = timeOf('startTime', options.startTime);
  const endTime = timeOf('endTime', options.endTime);
  return followPageTokens(
    `Inference logs of ${path.namespace}/${path.deploymentName}`,
    options,
    async (pageToken, limit) => {
      const page = unwrap(
        await client.POST('/inference-logs/namespace/{namespace}/seldondeployments/{deploymentName}', {
          params: { path },
          body: { predictorName, containerName, startTime, endTime, limit, pageToken },
          signal: options.signal,
        }),
      );
      return { items: page?.payloads, nextPageToken: page?.nextPageToken };
    },
  );
}

/** The request logs of one model of a Seldon Core v2 pipeline, page by page. */
export function listModelInferenceLogs(
  client: SeldonDeployClient,
  target: { namespace: string; pipeline: string; model: string },
  options: InferenceLogOptions = {},
): AsyncGenerator<InferenceLogEntry, void, undefined> {
  const path = {
    namespace: requireText('target.namespace', target?.namespace, "'seldon'"),
    pipelineName: requireText('target.pipeline', target?.pipeline, "'iris-pipeline'"),
    modelName: requireText('target.model', target?.model, "'iris'"),
  };
  const startTime = timeOf('startTime', options.startTime);
  const endTime = timeOf('endTime', options.endTime);
  return followPageTokens(
    `Inference logs of ${path.namespace}/${path.pipelineName}/${path.modelName}`,
    options,
    async (pageToken, limit) => {
      const page = unwrap(
        await client.POST(
          '/inference-logs/namespace/{namespace}/pipelines/{pipelineName}/models/{modelName}',
          {
            params: { path },
            body: { startTime, endTime, limit, pageToken },
            signal: options.signal,
          },
        ),
      );
      return { items: page?.payloads, nextPageToken: page?.nextPageToken };
    },
  );
}

/** Which containers of a namespace's (or one deployment's) SeldonDeployments have request logs. */
export async function listDeploymentInferenceLogSummaries(
  client: SeldonDeployClient,
  filter: { namespace?: string; deployment?: string; predictor?: string; container?: string } = {},
  options: { signal?: AbortSignal | undefined } = {},
): Promise<DeploymentInferenceLogSummary[]> {
  const answer = unwrap(
    await client.GET('/inference-logs/seldondeployments', {
      params: {
        query: {
          namespace: filter.namespace,
          deploymentName: filter.deployment,
          predictorName: filter.predictor,
          containerName: filter.container,
        },
      },
      signal: options.signal,
    }),
  );
  return answer?.inferenceLogs ?? [];
}

/** The options of `listContainerLogs`: page size, a limit and cancellation. */
export interface ContainerLogOptions {
  /** Lines per request. Default 100. */
  pageSize?: number | undefined;
  /** Stop after this many lines. */
  limit?: number | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * A pod container's log lines, as Seldon Deploy reads them from
 * Elasticsearch (`POST /applicationlogs`), fetched `pageSize` lines at a
 * time (`from`/`size`) until `total` lines were read.
 */
export async function* listContainerLogs(
  client: SeldonDeployClient,
  target: { namespace: string; pod: string; container: string },
  options: ContainerLogOptions = {},
): AsyncGenerator<ApplicationLogLine, void, undefined> {
  const deployment_namespace = requireText('target.namespace', target?.namespace, "'seldon'");
  const pod_name = requireText('target.pod', target.pod, "'iris-default-0-classifier-7d9f8-abcde'");
  const container_name = requireText('target.container', target.container, "'classifier'");
  const { pageSize = 100, limit } = options;
  if (!(Number.isSafeInteger(pageSize) && pageSize > 0)) {
    throw invalidOption(`pageSize must be a positive integer, got ${String(pageSize)}.`);
  }
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw invalidOption(`limit must be a non-negative integer, got ${String(limit)}.`);
  }
  let from = 0;
  while (limit === undefined || from < limit) {
    const size = limit === undefined ? pageSize : Math.min(pageSize, limit - from);
    const page = unwrap(
      await client.POST('/applicationlogs', {
        body: { deployment_namespace, pod_name, container_name, from, size },
        signal: options.signal,
      }),
    );
    const lines = page?.logs ?? [];
    yield* lines;
    from += lines.length;
    if (lines.length === 0 || from >= (page?.total ?? 0)) return;
  }
}
