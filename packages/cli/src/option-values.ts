import { CliError, CliErrorCode } from './cli-error.js';
import { ExitCode } from './exit-codes.js';

/** A number of seconds from an option (`-t 3600`), in milliseconds. */
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

/** A whole number greater than 0 from an option (`-m 10`). */
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
