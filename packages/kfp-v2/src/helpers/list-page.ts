import { unwrap } from '@ml-platform/core';
import type { KfpV2Client } from '../client.js';
import { encodeFilter } from './filter.js';
import { LIST_ITEMS_KEY, type ListItem, type ListOptions, type ListPage, type ListPath } from './paging.js';

/** `listPage`'s options: a list operation's (filter, sort, page size, params) and where to start. */
export type ListPageOptions<P extends ListPath> = Omit<ListOptions<P>, 'limit'> & {
  /** Where to start: the `nextPageToken` of the page before; the first page when left out. */
  pageToken?: string;
};

/** One page of a list: its items and the token of the next. */
export interface OnePage<Item> {
  items: Item[];
  /** The token of the page after this one; undefined on the last page. */
  nextPageToken: string | undefined;
  /** How many items match in all, as the server counts them. */
  totalSize: number | undefined;
}

type LooseGet = (
  path: string,
  init: unknown,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * One page of a list operation, from a page token, as kfp.Client's
 * `list_runs(page_token=..., page_size=...)` returns it: for a user paging
 * by hand (a CLI's `--page-token`, a table with a "next" button). Filter and
 * sort must be the ones the token was issued with, as the server requires.
 */
export async function listPage<P extends ListPath>(
  client: KfpV2Client,
  path: P,
  options: ListPageOptions<P> = {} as ListPageOptions<P>,
): Promise<OnePage<ListItem<P>>> {
  const { params, pageSize, filter, sortBy, signal, pageToken } = options;
  // Every list path shares this query shape; the generic path defeats openapi-fetch's per-path typing.
  const get = client.GET as unknown as LooseGet;
  const page = unwrap(
    await get(path, {
      params: {
        path: params?.path,
        query: {
          ...params?.query,
          page_size: pageSize,
          sort_by: sortBy,
          filter: filter === undefined ? undefined : encodeFilter(filter),
          page_token: pageToken || undefined,
        },
      },
      signal,
    }),
  ) as ListPage<P> & Record<string, unknown>;
  const items = (page[LIST_ITEMS_KEY[path]] ?? []) as ListItem<P>[];
  const next = page.next_page_token;
  return {
    items,
    nextPageToken: typeof next === 'string' && next !== '' ? next : undefined,
    totalSize: typeof page.total_size === 'number' ? page.total_size : undefined,
  };
}
