// Checks an Open Inference Protocol request as MLServer would read it (mlserver/types/dataplane.py,
// RequestInput; mlserver/codecs/numpy.py, which makes a numpy array of `datatype` from `data`):
// every value must fit its tensor's datatype, integers their range, and the data must hold as
// many elements as the shape says. All problems are collected into one error, with no value
// echoed (inference data may be personal), and nested or cyclic data never recurses.
import type { InferenceDatatype, InferenceRequest } from './inference-protocol.js';

/** At most this many problems are listed per tensor; the rest are counted. */
const LISTED_PER_INPUT = 5;

const INTEGER_RANGES: Partial<Record<InferenceDatatype, readonly [number, number]>> = {
  INT8: [-128, 127],
  INT16: [-32_768, 32_767],
  INT32: [-2_147_483_648, 2_147_483_647],
  // JSON numbers beyond 2^53 lose digits before the server sees them.
  INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  UINT8: [0, 255],
  UINT16: [0, 65_535],
  UINT32: [0, 4_294_967_295],
  UINT64: [0, Number.MAX_SAFE_INTEGER],
};

const FLOAT_LIMITS: Partial<Record<InferenceDatatype, number>> = {
  FP16: 65_504,
  FP32: 3.4028234663852886e38,
  FP64: Number.MAX_VALUE,
};

export const INFERENCE_DATATYPES: readonly InferenceDatatype[] = [
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
];

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return `a ${typeof value}`;
}

/** Why `value` cannot be an element of a `datatype` tensor, or undefined when it can. */
function elementProblem(value: unknown, datatype: InferenceDatatype): string | undefined {
  if (datatype === 'BOOL')
    return typeof value === 'boolean' ? undefined : `is ${kindOf(value)}, BOOL needs true or false`;
  if (datatype === 'BYTES')
    return typeof value === 'string' ? undefined : `is ${kindOf(value)}, BYTES needs a string`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `is ${kindOf(value)}, ${datatype} needs a finite number`;
  }
  const range = INTEGER_RANGES[datatype];
  if (range) {
    if (!Number.isInteger(value)) return `is not an integer, ${datatype} needs one`;
    if (value < range[0] || value > range[1]) return `is out of ${datatype}'s range ${range[0]}..${range[1]}`;
    return undefined;
  }
  const limit = FLOAT_LIMITS[datatype] ?? Number.MAX_VALUE;
  return Math.abs(value) > limit ? `is out of ${datatype}'s range ±${limit}` : undefined;
}

interface DataReport {
  count: number;
  problems: string[];
  more: number;
}

/** Walks nested `data` without recursion: counts elements and checks each; a cycle is a problem. */
function walkData(
  data: readonly unknown[],
  datatype: InferenceDatatype | undefined,
  where: string,
): DataReport {
  const report: DataReport = { count: 0, problems: [], more: 0 };
  const note = (problem: string) => {
    if (report.problems.length < LISTED_PER_INPUT) report.problems.push(problem);
    else report.more += 1;
  };
  const open = new Set<readonly unknown[]>([data]);
  const stack: Array<{ array: readonly unknown[]; index: number; path: string }> = [
    { array: data, index: 0, path: `${where}.data` },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as (typeof stack)[number];
    if (frame.index >= frame.array.length) {
      open.delete(frame.array);
      stack.pop();
      continue;
    }
    const index = frame.index;
    frame.index += 1;
    const value = frame.array[index];
    const path = `${frame.path}[${index}]`;
    if (Array.isArray(value)) {
      if (open.has(value)) {
        note(`${path} contains the array that holds it (cyclic data cannot be sent as JSON)`);
        continue;
      }
      open.add(value);
      stack.push({ array: value, index: 0, path });
      continue;
    }
    report.count += 1;
    const problem = datatype ? elementProblem(value, datatype) : undefined;
    if (problem) note(`${path} ${problem}`);
  }
  return report;
}

/** Every problem of an inference request, each naming where it is; empty when it can be sent. */
export function inferenceRequestProblems(request: InferenceRequest): string[] {
  if (
    !request ||
    typeof request !== 'object' ||
    !Array.isArray(request.inputs) ||
    request.inputs.length === 0
  ) {
    return [
      "request.inputs must list at least one tensor, e.g. { inputs: [{ name: 'predict', shape: [1, 4], datatype: 'FP32', data: [5.1, 3.5, 1.4, 0.2] }] }",
    ];
  }
  const problems: string[] = [];
  request.inputs.forEach((input, index) => {
    const where = `request.inputs[${index}]`;
    if (!input || typeof input !== 'object') {
      problems.push(`${where} must be a tensor { name, shape, datatype, data }`);
      return;
    }
    if (typeof input.name !== 'string' || input.name === '')
      problems.push(`${where}.name must be a non-empty string`);
    const datatype = INFERENCE_DATATYPES.includes(input.datatype) ? input.datatype : undefined;
    if (!datatype) {
      problems.push(
        `${where}.datatype must be one of ${INFERENCE_DATATYPES.join(', ')}; got ${kindOf(input.datatype)}`,
      );
    }
    const shapeOk =
      Array.isArray(input.shape) &&
      input.shape.every((size: unknown) => Number.isSafeInteger(size) && (size as number) >= 0);
    if (!shapeOk) problems.push(`${where}.shape must be an array of non-negative integers, e.g. [1, 4]`);
    if (!Array.isArray(input.data)) {
      problems.push(`${where}.data must be an array (flat or nested, row-major)`);
      return;
    }
    const report = walkData(input.data, datatype, where);
    problems.push(...report.problems);
    if (report.more > 0) problems.push(`${where}.data: ${report.more} more element problem(s)`);
    if (shapeOk) {
      const expected = input.shape.reduce((product: number, size: number) => product * size, 1);
      if (report.count !== expected) {
        problems.push(
          `${where} has ${report.count} data elements but shape [${input.shape.join(', ')}] needs ${expected}`,
        );
      }
    }
  });
  return problems;
}
