import { type FetchResultLike, invalidOption, unwrap } from '@ml-platform/core';
import { KfpError, KfpErrorCode } from './errors.js';
import { encodeKfpFilter } from './filter-builder.js';

/**
 * The options of a KFP list operation, untyped: each KFP package types them per
 * operation (`ListOptions<P>`) and hands them over as they are.
 */
export interface KfpListOptions {
  /** Path and query parameters of the operation (paging keys excluded). */
  params?: { path?: unknown; query?: unknown } | undefined;
  /** Items per request; the server's default (20) when left out. */
  pageSize?: number | undefined;
  /** A filter builder or a filter message; encoded for you. */
  filter?: object | undefined;
  /** `"created_at desc"`, ... (a field name, optionally `asc`/`desc`). */
  sortBy?: string | undefined;
  /** Stop after this many items, without fetching further pages. */
  limit?: number | undefined;
  /** Cancels the request in flight and stops the iteration. */
  signal?: AbortSignal | undefined;
}

/** The query keys the paging helpers manage themselves. */
type PagingQueryKey = 'page_token' | 'page_size' | 'filter' | 'sort_by';

/** A list operation as openapi-typescript types it. */
interface ListOperationShape {
  parameters: { query?: unknown };
  responses: { 200: { content: { 'application/json': unknown } } };
}

/** One page as a list operation returns it (`total_size`, `next_page_token` and the items). */
export type KfpListPage<Operation extends ListOperationShape> =
  Operation['responses'][200]['content']['application/json'];

/** The query parameters of a list operation, without the paging keys. */
export type KfpListQuery<Operation extends ListOperationShape> = Omit<
  NonNullable<Operation['parameters']['query']>,
  PagingQueryKey
>;

/** A sort order: a field, optionally `asc`/`desc`; other text passes for fields the types do not know. */
export type KfpSortBy<Field extends string> = Field | `${Field} ${'asc' | 'desc'}` | (string & {});

type LooseGet = (
  path: string,
  init: {
    params: { path?: unknown | undefined; query: Record<string, unknown> };
    signal?: AbortSignal | undefined;
  },
) => Promise<FetchResultLike<Record<string, unknown>>>;

/**
 * Every page of a list operation, following `next_page_token` until the
 * server has no more. Filter and sort are sent with every page, as the server
 * requires them to match the token. `Page` is the operation's response type.
 */
export async function* listKfpPages<Page>(
  client: object,
  path: string,
  options: KfpListOptions = {},
): AsyncGenerator<Page, void, undefined> {
  const { params, pageSize, filter, sortBy, signal } = options;
  if (pageSize !== undefined && !(Number.isSafeInteger(pageSize) && pageSize > 0)) {
    throw invalidOption(`pageSize must be a positive integer, got ${String(pageSize)}.`);
  }
  const get = (client as { GET: LooseGet }).GET;
  const query: Record<string, unknown> = {
    ...(params?.query as Record<string, unknown> | undefined),
    page_size: pageSize,
    sort_by: sortBy,
    filter: filter === undefined ? undefined : encodeKfpFilter(filter),
  };
  let pageToken: string | undefined;
  do {
    const page = unwrap(
      await get(path, { params: { path: params?.path, query: { ...query, page_token: pageToken } }, signal }),
    );
    yield page as Page;
    const next =
      typeof page?.next_page_token === 'string' && page.next_page_token !== ''
        ? page.next_page_token
        : undefined;
    if (next !== undefined && next === pageToken) {
      throw new KfpError(
        KfpErrorCode.pageTokenRepeated,
        `GET ${path} answered page token ${JSON.stringify(next)} with the same token again; stopping instead of looping. ` +
          'The server (or a proxy caching GET responses) is not honouring page_token.',
      );
    }
    pageToken = next;
  } while (pageToken !== undefined);
}

/**
 * Every item of a list operation across all pages, read from each page's
 * `itemsKey` (`runs`, `recurringRuns`, ...), stopping at `options.limit`.
 */
export async function* listKfpItems<Item>(
  client: object,
  path: string,
  itemsKey: string,
  options: KfpListOptions = {},
): AsyncGenerator<Item, void, undefined> {
  const { limit } = options;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw invalidOption(`limit must be a non-negative integer, got ${String(limit)}.`);
  }
  if (limit === 0) return;
  let count = 0;
  for await (const page of listKfpPages<Record<string, unknown>>(client, path, options)) {
    const items = page[itemsKey];
    // protobuf's JSON leaves an empty list out entirely.
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      yield item as Item;
      count += 1;
      if (limit !== undefined && count >= limit) return;
    }
  }
}

/** Collects {@link listKfpItems} into an array (mind `limit` on large lists). */
export async function collectKfpItems<Item>(
  client: object,
  path: string,
  itemsKey: string,
  options: KfpListOptions = {},
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of listKfpItems<Item>(client, path, itemsKey, options)) items.push(item);
  return items;
}
