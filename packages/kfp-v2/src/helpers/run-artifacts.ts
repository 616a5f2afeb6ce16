import { requireText, unwrap } from '@ml-platform/core';
import { decodeArtifactEnvelope } from '@ml-platform/kfp-common';
import type { Client } from 'openapi-fetch';
import type { KfpV2Client } from '../client.js';

/**
 * `GET /apis/v2beta1/runs/{run_id}/nodes/{node_id}/artifacts/{artifact_name}:read`
 * is served by KFP 2.17.0 outside its Swagger document (registered in
 * backend/src/apiserver/main.go, handled by run_artifact_server.go
 * `ReadArtifact`), so it is typed here by hand from that code: three path
 * parameters, a 200 whose body is `{"data":"<base64 of the file>"}`, and errors
 * as KFP's `api.Error` (`{ error_message, error_details }`): 403 when the caller
 * may not read the run, 404 when there is no such artifact.
 */
interface RunArtifactPaths {
  '/apis/v2beta1/runs/{run_id}/nodes/{node_id}/artifacts/{artifact_name}:read': {
    parameters: { query?: never; header?: never; path: never; cookie?: never };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: { run_id: string; node_id: string; artifact_name: string };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': { data?: string } } };
        default: {
          headers: { [name: string]: unknown };
          content: { 'application/json': { error_message?: string; error_details?: string } };
        };
      };
    };
  };
}

/** The options of `readRunArtifact`. */
export interface ReadRunArtifactOptions {
  signal?: AbortSignal | undefined;
}

/**
 * Streams an output artifact of a run's node (kfp.Client has no such method): the
 * bytes of the file in the object store, decoded from KFP's base64 body as
 * they arrive. Fails with `ApiError` when the server refuses (403, 404) and
 * with `KFP_ARTIFACT_MALFORMED` when the body is not what KFP writes.
 */
export async function readRunArtifact(
  client: KfpV2Client,
  ids: { runId: string; nodeId: string; artifactName: string },
  options: ReadRunArtifactOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const path = {
    run_id: requireText('runId', ids?.runId, "'5e0b…'"),
    node_id: requireText('nodeId', ids?.nodeId, "'hello-world-5r8jk-1234'"),
    artifact_name: requireText('artifactName', ids?.artifactName, "'model'"),
  };
  // The same client (auth, transport, middleware), seen with the hand-typed path.
  const artifacts = client as unknown as Client<RunArtifactPaths>;
  const body = unwrap(
    await artifacts.GET('/apis/v2beta1/runs/{run_id}/nodes/{node_id}/artifacts/{artifact_name}:read', {
      params: { path },
      parseAs: 'stream',
      signal: options.signal,
    }),
  ) as unknown as ReadableStream<Uint8Array> | null | undefined;
  return decodeArtifactEnvelope(body ?? new Blob([]).stream());
}
