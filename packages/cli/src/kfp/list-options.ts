import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { positiveIntegerOption } from '../option-values.js';

export interface ListFlags {
  maxSize?: string;
  sortBy?: string;
  filter?: string;
}

/** The list flags, as the kfp-v2 list helpers take them. */
export function listSettings(flags: ListFlags) {
  return {
    limit: positiveIntegerOption('--max-size', flags.maxSize),
    pageSize: Math.min(positiveIntegerOption('--max-size', flags.maxSize) ?? 100, 100),
    sortBy: flags.sortBy as never,
    filter: flags.filter === undefined ? undefined : filterMessage(flags.filter),
  };
}

function filterMessage(text: string) {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as never;
  } catch {
    // Reported below.
  }
  throw new CliError(
    CliErrorCode.usage,
    `--filter takes KFP's filter JSON, e.g. '{"predicates":[{"key":"state","operation":"EQUALS","string_value":"FAILED"}]}'.`,
    ExitCode.usage,
  );
}
