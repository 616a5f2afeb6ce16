import type { Predicate } from './model.js';
import { invalidInput } from './rpc-status.js';

/** KFP's list defaults (list_request_util.go): 20 items a page unless asked, 200 at most. */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;

export interface ListPage<T> {
  items: T[];
  totalSize: number;
  nextPageToken: string;
}

/** The fields a list can filter and sort on, by their API names (the keys KFP maps to columns). */
export interface ListableFields<T> {
  keys: readonly string[];
  of: (item: T) => Record<string, unknown>;
}

/**
 * Applies a list request's `filter`, `sort_by`, `page_size` and `page_token`
 * to `items`. Unknown keys and malformed values are refused with
 * InvalidArgument, as the API server refuses them.
 */
export function listPage<T>(
  items: readonly T[],
  query: URLSearchParams,
  fields: ListableFields<T>,
): ListPage<T> {
  const predicates = parseFilter(query.get('filter'));
  const { key, descending } = parseSortBy(query.get('sort_by'));
  const pageSize = parsePageSize(query.get('page_size'));
  const offset = parsePageToken(query.get('page_token'));

  for (const predicate of predicates) {
    if (!fields.keys.includes(predicate.key ?? '')) {
      throw invalidInput(`Filter key '${predicate.key}' is not one of ${fields.keys.join(', ')}.`);
    }
  }
  if (!fields.keys.includes(key))
    throw invalidInput(`Sort key '${key}' is not one of ${fields.keys.join(', ')}.`);
  const rows = items.map((item, index) => ({ item, index, fields: fields.of(item) }));
  const matching = rows.filter((row) => predicates.every((predicate) => matches(predicate, row.fields)));
  matching.sort((a, b) => {
    const order = compare(a.fields[key], b.fields[key]);
    // Ties (KFP keeps whole seconds) follow creation order in the same direction, so `created_at desc`
    // puts the newest first even within one second.
    return descending ? -order || b.index - a.index : order || a.index - b.index;
  });
  const page = matching.slice(offset, offset + pageSize);
  const next = offset + pageSize < matching.length ? encodePageToken(offset + pageSize) : '';
  return { items: page.map((row) => row.item), totalSize: matching.length, nextPageToken: next };
}

function parsePageSize(raw: string | null): number {
  if (raw === null || raw === '' || raw === '0') return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 0) throw invalidInput(`Invalid page size ${raw}.`);
  return Math.min(size, MAX_PAGE_SIZE);
}

// The token is opaque to clients; like KFP's, it only works with the filter and sort it came with.
function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function parsePageToken(raw: string | null): number {
  if (!raw) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw invalidInput('Failed to parse page token: it did not come from a previous list response.');
}

function parseSortBy(raw: string | null): { key: string; descending: boolean } {
  const [key = '', direction = 'asc', ...rest] = (raw ?? '').trim().split(/\s+/);
  if (rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) {
    throw invalidInput(`Invalid sorting field: '${raw}'. Use '<field>' or '<field> desc'.`);
  }
  // Without sort_by the API server orders by creation time.
  return { key: key || 'created_at', descending: direction === 'desc' };
}

/** The `filter` parameter: Filter JSON, URL-encoded once more by clients (the server decodes it again). */
function parseFilter(raw: string | null): Predicate[] {
  if (!raw) return [];
  try {
    const filter = JSON.parse(decodeURIComponent(raw)) as { predicates?: Predicate[] };
    return filter.predicates ?? [];
  } catch {
    throw invalidInput('Failed to parse valid filter from request: the filter is not valid Filter JSON.');
  }
}

function predicateValues(predicate: Predicate): unknown[] {
  const { string_value, int_value, long_value, timestamp_value, string_values, int_values, long_values } =
    predicate;
  if (string_values?.values) return string_values.values;
  if (int_values?.values) return int_values.values;
  if (long_values?.values) return long_values.values.map(Number);
  if (timestamp_value !== undefined) return [Date.parse(timestamp_value)];
  if (long_value !== undefined) return [Number(long_value)];
  return [string_value ?? int_value];
}

function matches(predicate: Predicate, fields: Record<string, unknown>): boolean {
  const actual = normalise(fields[predicate.key ?? '']);
  const values = predicateValues(predicate);
  const [expected] = values;
  switch (predicate.operation) {
    case 'EQUALS':
      return actual === expected;
    case 'NOT_EQUALS':
      return actual !== expected;
    case 'GREATER_THAN':
      return compare(actual, expected) > 0;
    case 'GREATER_THAN_EQUALS':
      return compare(actual, expected) >= 0;
    case 'LESS_THAN':
      return compare(actual, expected) < 0;
    case 'LESS_THAN_EQUALS':
      return compare(actual, expected) <= 0;
    case 'IN':
      return values.includes(actual);
    case 'IS_SUBSTRING':
      return typeof actual === 'string' && typeof expected === 'string' && actual.includes(expected);
    default:
      throw invalidInput(`Filter operation '${predicate.operation}' is not supported.`);
  }
}

/** Timestamps compare as times, whatever their text looks like. */
function normalise(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return Date.parse(value);
  return value;
}

function compare(a: unknown, b: unknown): number {
  const left = normalise(a);
  const right = normalise(b);
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left ?? '').localeCompare(String(right ?? ''));
}
