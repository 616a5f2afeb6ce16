import {
  collectKfpItems,
  type KfpListItem,
  type KfpListPage,
  type KfpListQuery,
  type KfpPagingOptions,
  type KfpSortBy,
  listKfpItems,
  listKfpPages,
} from '@ml-platform/kfp-common';
import type { KfpV1Client } from '../client.js';
import type { paths } from '../generated/schema.js';
import type { AnyFilterFields, FilterBuilder, FilterFields, KfpFilter } from './filter.js';

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
export type ListPage<P extends ListPath> = KfpListPage<ListOperation<P>>;
/** The type of one item of a list operation, e.g. `Run` for `/apis/v1beta1/runs`. */
export type ListItem<P extends ListPath> = KfpListItem<ListPage<P>, (typeof LIST_ITEMS_KEY)[P]>;

type ListQuery<P extends ListPath> = KfpListQuery<ListOperation<P>>;

/**
 * The options of `listAll`, `listPages` and `collectAll`: the operation's own parameters, page
 * size, filter, sort order, a limit and cancellation.
 */
export interface ListOptions<P extends ListPath> extends KfpPagingOptions {
  /** Query parameters of the operation (paging keys excluded), e.g. the `resource_reference_key.*` pair. */
  params?: { query?: ListQuery<P> | undefined } | undefined;
  /** A `kfpFilter(...)` builder or a `KfpFilter` object; encoded for you. */
  filter?:
    | FilterBuilder<FilterFields[ListResources[P]]>
    | FilterBuilder<AnyFilterFields>
    | KfpFilter
    | undefined;
  /** `"created_at desc"`, `"name"`, ... (a field name, optionally `asc`/`desc`). */
  sortBy?: KfpSortBy<keyof FilterFields[ListResources[P]] & string> | undefined;
}

/**
 * Every page of a list operation, following `next_page_token` until the
 * server has no more. Filter and sort are sent with every page, as the server
 * requires them to match the token.
 */
export function listPages<P extends ListPath>(
  client: KfpV1Client,
  path: P,
  options: ListOptions<P> = {},
): AsyncGenerator<ListPage<P>, void, undefined> {
  return listKfpPages<ListPage<P>>(client, path, options);
}

/** Every item of a list operation across all pages. */
export function listAll<P extends ListPath>(
  client: KfpV1Client,
  path: P,
  options: ListOptions<P> = {},
): AsyncGenerator<ListItem<P>, void, undefined> {
  return listKfpItems<ListItem<P>>(client, path, LIST_ITEMS_KEY[path], options);
}

/** Collects `listAll` into an array (mind `limit` on large lists). */
export function collectAll<P extends ListPath>(
  client: KfpV1Client,
  path: P,
  options: ListOptions<P> = {},
): Promise<ListItem<P>[]> {
  return collectKfpItems<ListItem<P>>(client, path, LIST_ITEMS_KEY[path], options);
}
