import { InvalidInferenceRequestError } from './errors.js';
import { inferenceRequestProblems } from './inference-check.js';

/**
 * The Open Inference Protocol (KServe / Seldon "V2") request and response, as
 * MLServer and Triton take them over REST
 * (https://kserve.github.io/website/latest/modelserving/data_plane/v2_protocol/).
 * The Seldon Deploy API forwards the body as it is, so it types it `unknown`.
 */
export type InferenceDatatype =
  | 'BOOL'
  | 'UINT8'
  | 'UINT16'
  | 'UINT32'
  | 'UINT64'
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FP16'
  | 'FP32'
  | 'FP64'
  | 'BYTES';

type TensorData = readonly (number | string | boolean | TensorData)[];

/** One input tensor of an Open Inference Protocol (V2) request: name, shape, datatype and data. */
export interface InferenceRequestInput {
  name: string;
  shape: readonly number[];
  datatype: InferenceDatatype;
  /** Row-major, flat or nested; as many elements as the shape's product. */
  data: TensorData;
  parameters?: Record<string, unknown> | undefined;
}

/**
 * An Open Inference Protocol (V2) inference request: its input tensors and, optionally, the outputs
 * wanted.
 */
export interface InferenceRequest {
  id?: string | undefined;
  inputs: readonly InferenceRequestInput[];
  outputs?: readonly { name: string; parameters?: Record<string, unknown> | undefined }[] | undefined;
  parameters?: Record<string, unknown> | undefined;
}

/** One output tensor of an Open Inference Protocol (V2) response. */
export interface InferenceResponseOutput {
  name: string;
  shape: number[];
  datatype: InferenceDatatype;
  data: (number | string | boolean)[];
  parameters?: Record<string, unknown> | undefined;
}

/**
 * An Open Inference Protocol (V2) inference response: the model that answered and its output
 * tensors.
 */
export interface InferenceResponse {
  model_name: string;
  model_version?: string | undefined;
  id?: string | undefined;
  parameters?: Record<string, unknown> | undefined;
  outputs: InferenceResponseOutput[];
}

/**
 * Checks an inference request before it is sent, as MLServer would read it
 * (`InferenceRequest` in mlserver/types/dataplane.py, decoded by its numpy
 * codec): at least one input, each named, with a known datatype, a shape of
 * non-negative integers, as many data elements as the shape says, and every
 * element fitting the datatype (a boolean for BOOL, a string for BYTES, an
 * integer within range for INT and UINT types, a finite number for FP types).
 * Throws one {@link InvalidInferenceRequestError}
 * (`SELDON_INFERENCE_REQUEST_INVALID`) listing every problem, never a value.
 */
export function checkInferenceRequest(request: InferenceRequest): void {
  const problems = inferenceRequestProblems(request);
  if (problems.length > 0) throw new InvalidInferenceRequestError(problems);
}
