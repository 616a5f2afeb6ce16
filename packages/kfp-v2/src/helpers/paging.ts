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
import type { KfpV2Client } from '../client.js';
import type { paths } from '../generated/schema.js';
import type { Filter } from '../schemas.js';
import type { AnyFilterFields, FilterBuilder, FilterFields, FilterResource } from './filter.js';

/** Where each list operation puts its items (recurring runs use camelCase upstream). */
export const LIST_ITEMS_KEY = {
  '/apis/v2beta1/experiments': 'experiments',
  '/apis/v2beta1/pipelines': 'pipelines',
  '/apis/v2beta1/pipelines/{pipeline_id}/versions': 'pipeline_versions',
  '/apis/v2beta1/runs': 'runs',
  '/apis/v2beta1/recurringruns': 'recurringRuns',
} as const;

/** Which filter fields apply to each list operation. */
interface ListResources {
  '/apis/v2beta1/experiments': 'experiments';
  '/apis/v2beta1/pipelines': 'pipelines';
  '/apis/v2beta1/pipelines/{pipeline_id}/versions': 'pipeline_versions';
  '/apis/v2beta1/runs': 'runs';
  '/apis/v2beta1/recurringruns': 'recurring_runs';
}

/** A KFP v2beta1 list operation that pages with `next_page_token`. */
export type ListPath = keyof typeof LIST_ITEMS_KEY & keyof ListResources;

type ListOperation<P extends ListPath> = paths[P]['get'];
/** One page as the API returns it (`total_size`, `next_page_token` and the items). */
export type ListPage<P extends ListPath> = KfpListPage<ListOperation<P>>;
/** The type of one item of a list operation, e.g. `Run` for `/apis/v2beta1/runs`. */
export type ListItem<P extends ListPath> = KfpListItem<ListPage<P>, (typeof LIST_ITEMS_KEY)[P]>;

type ListQuery<P extends ListPath> = KfpListQuery<ListOperation<P>>;
type ListPathParams<P extends ListPath> = ListOperation<P>['parameters'] extends { path: infer Path }
  ? { path: Path; query?: ListQuery<P> }
  : { path?: never; query?: ListQuery<P> };

/**
 * The options of `listAll`, `listPages` and `collectAll`: the operation's own parameters, page
 * size, filter, sort order, a limit and cancellation.
 */
export type ListOptions<P extends ListPath> = KfpPagingOptions & {
  /** Path and query parameters of the operation, as for `client.GET` (paging keys excluded). */
  params?: ListPathParams<P> | undefined;
  /** A `kfpFilter(...)` builder or a `Filter` message; encoded for you. */
  filter?:
    | FilterBuilder<FilterFields[ListResources[P] & FilterResource]>
    | FilterBuilder<AnyFilterFields>
    | Filter;
  /** `"created_at desc"`, `"display_name"`, ... (a field name, optionally `asc`/`desc`). */
  sortBy?: KfpSortBy<keyof FilterFields[ListResources[P]] & string> | undefined;
} & (ListOperation<P>['parameters'] extends { path: unknown } ? { params: ListPathParams<P> } : unknown);

/**
 * Every page of a list operation, following `next_page_token` until the
 * server has no more. Filter and sort are sent with every page, as the server
 * requires them to match the token.
 */
export function listPages<P extends ListPath>(
  client: KfpV2Client,
  path: P,
  ...[options]: ListOperation<P>['parameters'] extends { path: unknown }
    ? [ListOptions<P>]
    : [ListOptions<P>?]
): AsyncGenerator<ListPage<P>, void, undefined> {
  return listKfpPages<ListPage<P>>(client, path, options);
}

/**
 * Every item of a list operation across all pages, e.g. every run of an
 * experiment: `for await (const run of listAll(kfp, '/apis/v2beta1/runs', { params: { query: { experiment_id } } }))`.
 */
export function listAll<P extends ListPath>(
  client: KfpV2Client,
  path: P,
  ...[options]: ListOperation<P>['parameters'] extends { path: unknown }
    ? [ListOptions<P>]
    : [ListOptions<P>?]
): AsyncGenerator<ListItem<P>, void, undefined> {
  return listKfpItems<ListItem<P>>(client, path, LIST_ITEMS_KEY[path], options);
}

/** Collects `listAll` into an array (mind `limit` on large lists). */
export function collectAll<P extends ListPath>(
  client: KfpV2Client,
  path: P,
  ...[options]: ListOperation<P>['parameters'] extends { path: unknown }
    ? [ListOptions<P>]
    : [ListOptions<P>?]
): Promise<ListItem<P>[]> {
  return collectKfpItems<ListItem<P>>(client, path, LIST_ITEMS_KEY[path], options);
}
