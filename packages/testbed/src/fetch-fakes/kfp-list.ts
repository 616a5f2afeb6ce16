import { json } from './scripted-fetch.js';

// What a fake KFP needs to answer list operations as the API server does:
// page_size/page_token paging, the `filter` parameter URL-decoded twice
// (list_request_util.go), empty lists left out of the JSON.

interface Predicate {
  /** v2beta1's name for the comparison. */
  operation?: string;
  /** v1beta1's name for it. */
  op?: string;
  key?: string;
  string_value?: string;
  int_value?: number;
  long_value?: string;
  timestamp_value?: string;
  string_values?: { values?: string[] };
  int_values?: { values?: number[] };
}

/** One page of `items` under `itemsKey`, after the request's filter. */
export function kfpListResponse(
  itemsKey: string,
  items: Record<string, unknown>[],
  query: URLSearchParams,
): Response {
  const matching = items.filter((item) => matchesFilter(item, query.get('filter')));
  const size = Number(query.get('page_size') ?? 20) || 20;
  const start = Number(query.get('page_token') ?? 0);
  const page = matching.slice(start, start + size);
  const next = start + size < matching.length ? String(start + size) : undefined;
  return json({
    ...(page.length ? { [itemsKey]: page } : {}),
    total_size: matching.length,
    ...(next ? { next_page_token: next } : {}),
  });
}

function matchesFilter(item: Record<string, unknown>, encoded: string | null): boolean {
  if (!encoded) return true;
  // The gateway already decoded the query once; the API server decodes the filter once more.
  const { predicates = [] } = JSON.parse(decodeURIComponent(encoded)) as { predicates?: Predicate[] };
  return predicates.every((predicate) => matches(item[predicate.key ?? ''], predicate));
}

function matches(actual: unknown, predicate: Predicate): boolean {
  const timestamp =
    predicate.timestamp_value === undefined ? undefined : Date.parse(predicate.timestamp_value);
  const left = timestamp !== undefined && typeof actual === 'string' ? Date.parse(actual) : actual;
  const right = timestamp ?? predicate.string_value ?? predicate.int_value ?? predicate.long_value;
  switch (predicate.operation ?? predicate.op) {
    case 'EQUALS':
      return left === right;
    case 'NOT_EQUALS':
      return left !== right;
    case 'GREATER_THAN':
      return (left as number) > (right as number);
    case 'GREATER_THAN_EQUALS':
      return (left as number) >= (right as number);
    case 'LESS_THAN':
      return (left as number) < (right as number);
    case 'LESS_THAN_EQUALS':
      return (left as number) <= (right as number);
    case 'IN':
      return [...(predicate.string_values?.values ?? []), ...(predicate.int_values?.values ?? [])].includes(
        left as never,
      );
    case 'IS_SUBSTRING':
      return typeof left === 'string' && left.includes(predicate.string_value ?? '');
    default:
      return false;
  }
}
