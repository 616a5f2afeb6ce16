import { InvalidParametersError, type ParameterProblem } from './errors.js';
import type { PipelineParameterInput, PipelineParameterType } from './parameters.js';

const AS_TEXT: Record<'LIST' | 'STRUCT', string> = {
  LIST: 'LIST (JSON text of an array, e.g. [1,2])',
  STRUCT: 'STRUCT (JSON text of an object, e.g. {"k":"v"})',
};

/**
 * Gives parameters written as text (a command line's `KEY=VALUE`, a form,
 * environment variables) the types the pipeline declares: `"1"` becomes 1
 * for a NUMBER_INTEGER or NUMBER_DOUBLE input, `"true"`/`"false"` a boolean
 * for a BOOLEAN, JSON text an array or object for a LIST or STRUCT. STRING
 * inputs, names the pipeline does not declare and text that is not of the
 * declared type are left as given, so that {@link checkPipelineParameters}
 * then reports them in the pipeline's own terms. LIST or STRUCT text that is
 * not JSON throws an {@link InvalidParametersError} (`KFP_INVALID_PARAMETERS`)
 * naming every such parameter; values are never echoed (a parameter may be a secret).
 */
export function parametersFromText(
  pkg: { pipelineName: string; parameters: readonly PipelineParameterInput[] },
  text: Record<string, string>,
): Record<string, unknown> {
  const types = new Map(pkg.parameters.map((input) => [input.name, input.type]));
  const typed: Record<string, unknown> = {};
  const problems: ParameterProblem[] = [];
  for (const [name, value] of Object.entries(text)) {
    const type = types.get(name);
    const converted = fromText(type, value);
    if (converted === NOT_JSON && (type === 'LIST' || type === 'STRUCT')) {
      problems.push({
        kind: 'wrongType',
        name,
        expectedType: AS_TEXT[type],
        actual: 'text that is not JSON',
      });
      continue;
    }
    typed[name] = converted;
  }
  if (problems.length) throw new InvalidParametersError(pkg.pipelineName, problems);
  return typed;
}

const NOT_JSON = Symbol('not JSON');

function fromText(type: PipelineParameterType | undefined, value: string): unknown {
  switch (type) {
    case 'NUMBER_INTEGER':
    case 'NUMBER_DOUBLE': {
      const number = value.trim() === '' ? Number.NaN : Number(value);
      return Number.isNaN(number) ? value : number;
    }
    case 'BOOLEAN':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'LIST':
    case 'STRUCT':
      try {
        return JSON.parse(value);
      } catch {
        return NOT_JSON;
      }
    default:
      return value;
  }
}
