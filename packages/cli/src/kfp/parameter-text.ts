import type { PipelineParameterInput } from '@ml-platform/kfp-pipeline-spec';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

/**
 * A command line gives every parameter as text; the pipeline declares its
 * types. Converts `a=1` to 1 for a NUMBER_INTEGER input, `flag=true` to true
 * for a BOOLEAN, JSON for LIST and STRUCT, and leaves STRING values (and
 * names the pipeline does not declare) as they are, so that the library's
 * parameter check reports them with the pipeline's own terms.
 */
export function typedParameters(
  declared: readonly PipelineParameterInput[],
  text: Record<string, string>,
): Record<string, unknown> {
  const types = new Map(declared.map((input) => [input.name, input.type]));
  const typed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(text)) typed[name] = convert(name, types.get(name), value);
  return typed;
}

function convert(name: string, type: PipelineParameterInput['type'] | undefined, value: string): unknown {
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
        throw new CliError(
          CliErrorCode.usage,
          `Parameter ${name} is a ${type}: give it as JSON, e.g. ${name}=${type === 'LIST' ? '[1,2]' : '{"k":"v"}'}.`,
          ExitCode.usage,
        );
      }
    default:
      return value;
  }
}
