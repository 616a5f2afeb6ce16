import { type Client, Code, ConnectError, createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-web';
import {
  type ApiClientInput,
  type ClientWithRequest,
  createApiClient,
  createClientFetch,
  DEFAULT_MAX_RESPONSE_BYTES,
  MlPlatformError,
  normalizeBaseUrl,
} from '@ml-platform/core';
import { MetadataError, MetadataErrorCode } from './errors.js';
import { MetadataStoreService } from './generated/ml_metadata/proto/metadata_store_service_pb.js';

const BASE_URL_EXAMPLE = 'https://kubeflow.example.com';

/**
 * Options of {@link createMetadataClient}: every option the REST clients take
 * (`auth`, `tls`, `proxy`, `timeoutMs`, `retry`, `headers`, `fetch`,
 * `maxResponseBytes`, ...). `baseUrl` is where the KFP UI answers
 * `/ml_metadata.MetadataStoreService/*`: the UI's origin (`http://localhost:8080`
 * for a port-forwarded `ml-pipeline-ui`, `https://<host>` behind Kubeflow's
 * gateway, which routes `/ml_metadata` to the metadata Envoy).
 */
export type MetadataClientOptions = ApiClientInput & { baseUrl: string };

/** A typed ML Metadata store client: one method per `MetadataStoreService` RPC, each taking `{ signal }`. */
export type MetadataClient = Client<typeof MetadataStoreService>;

/**
 * A typed client of the ML Metadata store service (MLMD 1.14 as KFP 2.x
 * vendors it), called with binary gRPC-Web exactly as the KFP UI calls it.
 * Each request goes through core's transport and the given auth plugins, so
 * TLS, proxies, timeouts, redaction and coded errors are those of every other
 * client. A gRPC error from the store becomes a {@link MetadataError}; an
 * abort through `signal` rejects with the signal's reason.
 *
 * @example
 * const mlmd = createMetadataClient({ baseUrl: 'https://kubeflow.example.com', auth });
 * const { context } = await mlmd.getContextByTypeAndName({ typeName: 'system.PipelineRun', contextName: runId });
 */
export function createMetadataClient(options: MetadataClientOptions): MetadataClient {
  const client = createApiClient<Record<string, never>>(options, {
    baseUrlExample: BASE_URL_EXAMPLE,
    userAgent: '@ml-platform/kfp-metadata',
  });
  return metadataClientThrough(client, {
    baseUrl: options.baseUrl,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  });
}

/**
 * An ML Metadata client whose calls go through an existing `@ml-platform`
 * client (a KFP client, say): its auth plugins, TLS, proxy and timeouts sign
 * and carry them, to `baseUrl` (the KFP UI's origin).
 */
export function metadataClientThrough(
  client: ClientWithRequest,
  options: { baseUrl: string; maxResponseBytes?: number },
): MetadataClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl, BASE_URL_EXAMPLE);
  const fetch = createClientFetch(client, {
    baseUrl,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  });
  const transport = createGrpcWebTransport({
    baseUrl,
    useBinaryFormat: true,
    fetch: (input, init) => fetch(input as string | URL | Request, init),
  });
  const raw = createClient(MetadataStoreService, transport);
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(raw) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = (request: unknown, callOptions?: { signal?: AbortSignal }) =>
      method(request, callOptions).catch((error: unknown) => {
        throw toMetadataError(error, name, callOptions?.signal);
      });
  }
  return wrapped as MetadataClient;
}

/** What a failed call rejects with: the caller's abort reason, core's own coded error, or a MetadataError. */
function toMetadataError(error: unknown, method: string, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (!(error instanceof ConnectError)) return error;
  // connect wraps what fetch threw; core's errors are already coded and redacted.
  if (error.cause instanceof MlPlatformError) return error.cause;
  const grpcCode = snakeCase(Code[error.code] ?? String(error.code));
  return new MetadataError(
    MetadataErrorCode.rpcFailed,
    `ML Metadata ${method} failed with gRPC status ${grpcCode}: ${error.rawMessage}`,
    { cause: error, grpcCode },
  );
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter, index: number) => `${index ? '_' : ''}${letter.toLowerCase()}`);
}
