import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

/**
 * `KEY=VALUE` arguments as the kfp CLI takes them. Values stay strings, as
 * kfp passes them; the pipeline's declared types are checked (and numbers or
 * booleans converted) by the library before the run is sent.
 */
export function parseParameters(args: readonly string[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const arg of args) {
    const equals = arg.indexOf('=');
    if (equals <= 0) {
      throw new CliError(
        CliErrorCode.usage,
        `Pipeline parameters are KEY=VALUE, e.g. learning_rate=0.1; got "${arg}".`,
        ExitCode.usage,
      );
    }
    parameters[arg.slice(0, equals)] = arg.slice(equals + 1);
  }
  return parameters;
}
