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

/** A whole number of seconds from an option, in milliseconds. */
export function secondsOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new CliError(
      CliErrorCode.usage,
      `${name} takes a number of seconds greater than 0, e.g. ${name} 3600; got "${value}".`,
      ExitCode.usage,
    );
  }
  return seconds * 1000;
}

export function positiveIntegerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new CliError(
      CliErrorCode.usage,
      `${name} takes a whole number greater than 0; got "${value}".`,
      ExitCode.usage,
    );
  }
  return number;
}
