import type { Filter } from '@ml-platform/kfp-v2';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { positiveIntegerOption } from '../option-values.js';

/** The list flags of the kfp CLI: `--page-token`, `-m/--max-size`, `--sort-by`, `--filter`. */
export interface ListFlags {
  pageToken?: string;
  maxSize?: string;
  sortBy?: string;
  filter?: string;
}

/** KFP's largest page (the API server caps page_size at 200); larger --max-size values take several pages. */
const MAX_PAGE_SIZE = 200;

export interface ListSettings {
  /** At most this many items. */
  limit: number;
  /** Items per request. */
  pageSize: number;
  sortBy: string | undefined;
  filter: Filter | undefined;
  /** With --page-token: one page from there, its next token on stderr. */
  pageToken: string | undefined;
}

/** The list flags, checked, as the kfp-v2 list helpers take them. */
export function listSettings(flags: ListFlags): ListSettings {
  const limit = positiveIntegerOption('--max-size', flags.maxSize) ?? 100;
  return {
    limit,
    pageSize: Math.min(limit, MAX_PAGE_SIZE),
    sortBy: flags.sortBy,
    filter: flags.filter === undefined ? undefined : filterMessage(flags.filter),
    pageToken: flags.pageToken,
  };
}

function filterMessage(text: string): Filter {
  try {
    const parsed: unknown = JSON.parse(text);
    // The server checks the predicates themselves and names what is wrong.
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Filter;
  } catch {
    // Reported below.
  }
  throw new CliError(
    CliErrorCode.usage,
    `--filter takes KFP's filter JSON, e.g. '{"predicates":[{"key":"state","operation":"EQUALS","string_value":"FAILED"}]}'.`,
    ExitCode.usage,
  );
}
