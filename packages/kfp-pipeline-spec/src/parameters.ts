import { toJson } from '@bufbuild/protobuf';
import { ValueSchema } from '@bufbuild/protobuf/wkt';
import {
  InvalidParametersError,
  InvalidPipelinePackageError,
  type PackageLocation,
  type ParameterProblem,
} from './errors.js';
import {
  type ComponentInputsSpec_ParameterSpec,
  ParameterType_ParameterTypeEnum,
  type PipelineSpec,
  PrimitiveType_PrimitiveTypeEnum,
} from './generated/pipeline_spec_pb.js';

/** The parameter types a pipeline's root can declare (ParameterType.ParameterTypeEnum). */
export type PipelineParameterType =
  | 'STRING'
  | 'NUMBER_INTEGER'
  | 'NUMBER_DOUBLE'
  | 'BOOLEAN'
  | 'LIST'
  | 'STRUCT';

/** One declared run-time input of a pipeline (`root.inputDefinitions.parameters`). */
export interface PipelineParameterInput {
  name: string;
  type: PipelineParameterType;
  optional: boolean;
  /** The JSON value of `defaultValue`, when the pipeline declares one. */
  defaultValue?: unknown;
  description?: string | undefined;
}

const ROOT_TYPES: Record<number, PipelineParameterType | undefined> = {
  [ParameterType_ParameterTypeEnum.STRING]: 'STRING',
  [ParameterType_ParameterTypeEnum.NUMBER_INTEGER]: 'NUMBER_INTEGER',
  [ParameterType_ParameterTypeEnum.NUMBER_DOUBLE]: 'NUMBER_DOUBLE',
  [ParameterType_ParameterTypeEnum.BOOLEAN]: 'BOOLEAN',
  [ParameterType_ParameterTypeEnum.LIST]: 'LIST',
  [ParameterType_ParameterTypeEnum.STRUCT]: 'STRUCT',
};

// Packages from before parameterType existed carry only the deprecated PrimitiveType.
const LEGACY_TYPES: Record<number, PipelineParameterType | undefined> = {
  [PrimitiveType_PrimitiveTypeEnum.INT]: 'NUMBER_INTEGER',
  [PrimitiveType_PrimitiveTypeEnum.DOUBLE]: 'NUMBER_DOUBLE',
  [PrimitiveType_PrimitiveTypeEnum.STRING]: 'STRING',
};

function parameterTypeOf(name: string, spec: ComponentInputsSpec_ParameterSpec, sourceName: PackageLocation) {
  const type =
    ROOT_TYPES[spec.parameterType] ?? (spec.parameterType === 0 ? LEGACY_TYPES[spec.type] : undefined);
  if (!type) {
    // The server refuses these at run time ("invalid for root component", "unspecified type").
    throw new InvalidPipelinePackageError(
      sourceName,
      `root input parameter "${name}" has type ${ParameterType_ParameterTypeEnum[spec.parameterType] ?? spec.parameterType}, ` +
        'which a pipeline run cannot be given: a root parameter must be STRING, NUMBER_INTEGER, NUMBER_DOUBLE, BOOLEAN, LIST or STRUCT.',
    );
  }
  return type;
}

/** The declared inputs of `spec`'s root, in the order the package lists them. */
export function rootParameters(spec: PipelineSpec, sourceName: PackageLocation): PipelineParameterInput[] {
  const declared = spec.root?.inputDefinitions?.parameters ?? {};
  return Object.entries(declared).map(([name, parameter]) => ({
    name,
    type: parameterTypeOf(name, parameter, sourceName),
    optional: parameter.isOptional,
    ...(parameter.defaultValue ? { defaultValue: toJson(ValueSchema, parameter.defaultValue) } : {}),
    ...(parameter.description ? { description: parameter.description } : {}),
  }));
}

const EXPECTED: Record<PipelineParameterType, string> = {
  STRING: 'STRING (a string)',
  NUMBER_INTEGER: 'NUMBER_INTEGER (an integer)',
  NUMBER_DOUBLE: 'NUMBER_DOUBLE (a number)',
  BOOLEAN: 'BOOLEAN (true or false)',
  LIST: 'LIST (an array)',
  STRUCT: 'STRUCT (an object)',
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

// Values are never echoed: a parameter may be a password or a token.
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'a non-finite number (NaN or Infinity cannot be sent as JSON)';
    return Number.isInteger(value) ? 'an integer' : 'a number with a fraction';
  }
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function matches(type: PipelineParameterType, value: unknown): boolean {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'NUMBER_INTEGER':
      return typeof value === 'number' && Number.isInteger(value);
    case 'NUMBER_DOUBLE':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'LIST':
      return Array.isArray(value);
    case 'STRUCT':
      return isPlainObject(value);
  }
}

/**
 * Checks run parameters against a loaded package's declared inputs before anything is sent:
 * unknown names, required inputs not given (no default, not optional), and values of the wrong
 * type. Throws one {@link InvalidParametersError} listing every problem; returns nothing when all
 * is well. A parameter whose value is `undefined` counts as not given (JSON drops it).
 */
export function checkPipelineParameters(
  pkg: { pipelineName: string; parameters: PipelineParameterInput[] },
  parameters: Record<string, unknown>,
): void {
  if (!isPlainObject(parameters)) {
    throw new InvalidParametersError(pkg.pipelineName, [
      { kind: 'notAnObject', name: '(parameters)', actual: describeValue(parameters) },
    ]);
  }
  const declared = new Map(pkg.parameters.map((parameter) => [parameter.name, parameter]));
  const problems: ParameterProblem[] = [];
  for (const [name, value] of Object.entries(parameters)) {
    if (value === undefined) continue;
    const parameter = declared.get(name);
    if (!parameter) {
      problems.push({ kind: 'unknown', name, declared: [...declared.keys()] });
    } else if (!matches(parameter.type, value)) {
      problems.push({
        kind: 'wrongType',
        name,
        expectedType: EXPECTED[parameter.type],
        actual: describeValue(value),
      });
    }
  }
  for (const parameter of pkg.parameters) {
    const given = Object.hasOwn(parameters, parameter.name) && parameters[parameter.name] !== undefined;
    if (!given && !parameter.optional && parameter.defaultValue === undefined) {
      problems.push({ kind: 'missing', name: parameter.name, expectedType: EXPECTED[parameter.type] });
    }
  }
  if (problems.length) throw new InvalidParametersError(pkg.pipelineName, problems);
}
