import { invalidOption } from '@ml-platform/core';

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

const DATATYPES: ReadonlySet<string> = new Set<InferenceDatatype>([
  'BOOL',
  'UINT8',
  'UINT16',
  'UINT32',
  'UINT64',
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'FP16',
  'FP32',
  'FP64',
  'BYTES',
]);

type TensorData = readonly (number | string | boolean | TensorData)[];

/** One input tensor of an Open Inference Protocol (V2) request: name, shape, datatype and data. */
export interface InferenceRequestInput {
  name: string;
  shape: readonly number[];
  datatype: InferenceDatatype;
  /** Row-major, flat or nested; as many elements as the shape's product. */
  data: TensorData;
  parameters?: Record<string, unknown>;
}

/**
 * An Open Inference Protocol (V2) inference request: its input tensors and, optionally, the outputs
 * wanted.
 */
export interface InferenceRequest {
  id?: string;
  inputs: readonly InferenceRequestInput[];
  outputs?: readonly { name: string; parameters?: Record<string, unknown> }[];
  parameters?: Record<string, unknown>;
}

/** One output tensor of an Open Inference Protocol (V2) response. */
export interface InferenceResponseOutput {
  name: string;
  shape: number[];
  datatype: InferenceDatatype;
  data: (number | string | boolean)[];
  parameters?: Record<string, unknown>;
}

/**
 * An Open Inference Protocol (V2) inference response: the model that answered and its output
 * tensors.
 */
export interface InferenceResponse {
  model_name: string;
  model_version?: string;
  id?: string;
  parameters?: Record<string, unknown>;
  outputs: InferenceResponseOutput[];
}

/**
 * Checks an inference request before it is sent, as MLServer would reject it
 * (`InferenceRequest` in mlserver/types/dataplane.py): at least one input,
 * each named, with a known datatype, a shape of non-negative integers and
 * as many data elements as the shape says.
 */
export function checkInferenceRequest(request: InferenceRequest): void {
  if (
    !request ||
    typeof request !== 'object' ||
    !Array.isArray(request.inputs) ||
    request.inputs.length === 0
  ) {
    throw invalidOption(
      "request.inputs must list at least one tensor, e.g. { inputs: [{ name: 'predict', shape: [1, 4], datatype: 'FP32', data: [5.1, 3.5, 1.4, 0.2] }] }.",
    );
  }
  request.inputs.forEach((input, index) => {
    const where = `request.inputs[${index}]`;
    if (typeof input?.name !== 'string' || input.name === '')
      throw invalidOption(`${where}.name must be a non-empty string.`);
    if (!DATATYPES.has(input.datatype)) {
      throw invalidOption(
        `${where}.datatype must be one of ${[...DATATYPES].join(', ')}; got ${JSON.stringify(input.datatype)}.`,
      );
    }
    if (
      !Array.isArray(input.shape) ||
      !input.shape.every((size: number) => Number.isSafeInteger(size) && size >= 0)
    ) {
      throw invalidOption(`${where}.shape must be an array of non-negative integers, e.g. [1, 4].`);
    }
    if (!Array.isArray(input.data)) throw invalidOption(`${where}.data must be an array.`);
    const expected = input.shape.reduce((product: number, size: number) => product * size, 1);
    const actual = countElements(input.data);
    if (actual !== expected) {
      throw invalidOption(
        `${where} ('${input.name}') has ${actual} data elements but shape [${input.shape.join(', ')}] needs ${expected}.`,
      );
    }
  });
}

function countElements(data: TensorData): number {
  let count = 0;
  for (const item of data) count += Array.isArray(item) ? countElements(item as TensorData) : 1;
  return count;
}
