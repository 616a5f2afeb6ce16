import { invalidOption, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import { namedPath } from './change-query.js';
import {
  checkInferenceRequest,
  type InferenceRequest,
  type InferenceResponse,
} from './inference-protocol.js';

interface CallOptions {
  signal?: AbortSignal;
}

function requirePayload(payload: unknown): void {
  if (payload === undefined || payload === null) {
    throw invalidOption(
      "payload is required: the model protocol's request, e.g. { data: { ndarray: [[5.1, 3.5, 1.4, 0.2]] } }.",
    );
  }
}

/**
 * Sends an Open Inference Protocol (V2) request through Seldon Deploy to a
 * SeldonDeployment whose predictor speaks it (`protocol: v2`, MLServer or
 * Triton), checked first, and returns the typed answer.
 */
export async function inferSeldonDeployment(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  request: InferenceRequest,
  options: CallOptions = {},
): Promise<InferenceResponse> {
  checkInferenceRequest(request);
  return unwrap(
    await client.POST('/namespaces/{namespace}/seldondeployments/{name}/predict', {
      params: { path: namedPath(namespace, name) },
      body: request,
      signal: options.signal,
    }),
  ) as InferenceResponse;
}

/** The explain endpoints of the two kinds that have one; they take the same payload and answer alike. */
type ExplainPath =
  | '/namespaces/{namespace}/seldondeployments/{name}/explain'
  | '/namespaces/{namespace}/pipelines/{name}/explain';

async function explain(
  client: SeldonDeployClient,
  path: ExplainPath,
  where: { namespace: string; name: string; payload: unknown },
  options: CallOptions,
): Promise<unknown> {
  requirePayload(where.payload);
  return unwrap(
    await client.POST(path, {
      params: { path: namedPath(where.namespace, where.name) },
      body: where.payload,
      signal: options.signal,
    }),
  );
}

/**
 * Asks the deployment's explainer (`spec.predictors[].explainer`, an Alibi
 * explainer) to explain a prediction for `payload` (the same protocol as
 * predict) and returns the explanation as parsed JSON.
 */
export async function explainSeldonDeployment(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  payload: unknown,
  options: CallOptions = {},
): Promise<unknown> {
  const path = '/namespaces/{namespace}/seldondeployments/{name}/explain';
  return explain(client, path, { namespace, name, payload }, options);
}

/** Like {@link explainSeldonDeployment}, for a Seldon Core v2 pipeline with an explainer. */
export async function explainSeldonPipeline(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  payload: unknown,
  options: CallOptions = {},
): Promise<unknown> {
  return explain(
    client,
    '/namespaces/{namespace}/pipelines/{name}/explain',
    { namespace, name, payload },
    options,
  );
}

/**
 * Sends an inference request to a Seldon Core v2 pipeline. The API has no
 * JSON predict for pipelines, only `predictfile`, which takes the request
 * as an uploaded file (what the Deploy UI's "Predict" sends); pipelines
 * speak the Open Inference Protocol, so the request is checked as one.
 */
export async function inferSeldonPipeline(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  request: InferenceRequest,
  options: CallOptions = {},
): Promise<InferenceResponse> {
  checkInferenceRequest(request);
  const predictFile = new File([JSON.stringify(request)], 'request.json', { type: 'application/json' });
  return unwrap(
    await client.POST('/namespaces/{namespace}/pipelines/{name}/predictfile', {
      params: { path: namedPath(namespace, name) },
      body: { predictFile },
      signal: options.signal,
    }),
  ) as InferenceResponse;
}
