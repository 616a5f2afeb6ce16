import { ConfigError, ConfigErrorCode, type FetchResultLike, unwrap } from '@ml-platform/core';
import type { KfpV1Client } from '../client.js';
import type { paths } from '../generated/schema.js';
import { KfpError, KfpErrorCode } from './errors.js';
import {
  type AnyFilterFields,
  encodeFilter,
  type FilterBuilder,
  type FilterFields,
  type KfpFilter,
} from './filter.js';

/** Where each list operation puts its items. */
const LIST_ITEMS_KEY = {
  '/apis/v1beta1/experiments': 'experiments',
  '/apis/v1beta1/pipelines': 'pipelines',
  '/apis/v1beta1/pipeline_versions': 'versions',
  '/apis/v1beta1/runs': 'runs',
  '/apis/v1beta1/jobs': 'jobs',
} as const;

/** Which filter fields apply to each list operation. */
interface ListResources {
  '/apis/v1beta1/experiments': 'experiments';
  '/apis/v1beta1/pipelines': 'pipelines';
  '/apis/v1beta1/pipeline_versions': 'pipeline_versions';
  '/apis/v1beta1/runs': 'runs';
  '/apis/v1beta1/jobs': 'jobs';
}

/** A KFP v1beta1 list operation that pages with `next_page_token`. */
export type ListPath = keyof typeof LIST_ITEMS_KEY & keyof ListResources;

type ListOperation<P extends ListPath> = paths[P]['get'];
/** One page as the API returns it (`total_size`, `next_page_token` and the items). */
export type ListPage<P extends ListPath> = ListOperation<P>['responses'][200]['content']['application/json'];
/** The type of one item of a list operation, e.g. `Run` for `/apis/v1beta1/runs`. */
export type ListItem<P extends ListPath> =
  ListPage<P> extends { [K in (typeof LIST_ITEMS_KEY)[P]]?: (infer Item)[] } ? Item : never;

type PagingQueryKey = 'page_token' | 'page_size' | 'filter' | 'sort_by';
type ListQuery<P extends ListPath> = Omit<
  NonNullable<ListOperation<P>['parameters']['query']>,
  PagingQueryKey
>;
type SortKey<P extends ListPath> = keyof FilterFields[ListResources[P]] & string;

export interface ListOptions<P extends ListPath> {
  /** Query parameters of the operation (paging keys excluded), e.g. the `resource_reference_key.*` pair. */
  params?: { query?: ListQuery<P> };
  /** Items per request; the server's default (20) when left out. */
  pageSize?: number;
  /** A `kfpFilter(...)` builder or a `KfpFilter` object; encoded for you. */
  filter?: FilterBuilder<FilterFields[ListResources[P]]> | FilterBuilder<AnyFilterFields> | KfpFilter;
  /** `"created_at desc"`, `"name"`, ... (a field name, optionally `asc`/`desc`). */
  sortBy?: SortKey<P> | `${SortKey<P>} ${'asc' | 'desc'}` | (string & {});
  /** Stop after this many items, without fetching further pages. */
  limit?: number;
  /** Cancels the request in flight and stops the iteration. */
  signal?: AbortSignal;
}

type LooseGet = (
  path: string,
  init: { params: { query: Record<string, unknown> }; signal?: AbortSignal },
) => Promise<FetchResultLike<Record<string, unknown>>>;

/**
 * Every page of a list operation, following `next_page_token` until the
 * server has no more. Filter and sort are sent with every page, as the server
 * requires them to match the token.
 */
export async function* listPages<P extends ListPath>(
  client: KfpV1Client,
  path: P,
  options: ListOptions<P> = {},
): AsyncGenerator<ListPage<P>, void, undefined> {
  const { params, pageSize, filter, sortBy, signal } = options;
  if (pageSize !== undefined && !(Number.isSafeInteger(pageSize) && pageSize > 0)) {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `pageSize must be a positive integer, got ${String(pageSize)}.`,
    );
  }
  const get = (client as unknown as { GET: LooseGet }).GET;
  const query: Record<string, unknown> = {
    ...(params?.query as Record<string, unknown> | undefined),
    page_size: pageSize,
    sort_by: sortBy,
    filter: filter === undefined ? undefined : encodeFilter(filter),
  };
  let pageToken: string | undefined;
  do {
    const page = unwrap(await get(path, { params: { query: { ...query, page_token: pageToken } }, signal }));
    yield page as ListPage<P>;
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

/** Every item of a list operation across all pages. */
export async function* listAll<P extends ListPath>(
  client: KfpV1Client,
  path: P,
  options: ListOptions<P> = {},
): AsyncGenerator<ListItem<P>, void, undefined> {
  const { limit } = options;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw new ConfigError(
      ConfigErrorCode.invalidOption,
      `limit must be a non-negative integer, got ${String(limit)}.`,
    );
  }
  if (limit === 0) return;
  const key = LIST_ITEMS_KEY[path];
  let count = 0;
  for await (const page of listPages(client, path, options)) {
    const items = (page as Record<string, unknown>)[key];
    // protobuf's JSON leaves an empty list out entirely.
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      yield item as ListItem<P>;
      count += 1;
      if (limit !== undefined && count >= limit) return;
    }
  }
}

/** Collects `listAll` into an array (mind `limit` on large lists). */
export async function collectAll<P extends ListPath>(
  client: KfpV1Client,
  path: P,
  options: ListOptions<P> = {},
): Promise<ListItem<P>[]> {
  const items: ListItem<P>[] = [];
  for await (const item of listAll(client, path, options)) items.push(item);
  return items;
}
