import type { Filter, OnePage } from '@ml-platform/kfp-v2';
import type { GlobalOptions } from '../global-options.js';
import { type Column, printList, printResult } from '../output/print.js';
import type { ListSettings } from './list-options.js';

interface PageQuery {
  pageSize: number;
  sortBy: string | undefined;
  filter: Filter | undefined;
}

/** One list operation, as the two kfp-v2 calls that read it. */
export interface KfpList<Item> {
  /** Every item up to `limit`, page after page (`listAll`). */
  all(query: PageQuery & { limit: number }): AsyncIterable<Item>;
  /** One page from a token (`listPage`). */
  page(query: PageQuery & { pageToken: string }): Promise<OnePage<Item>>;
}

/**
 * Prints a list: streamed up to `--max-size` items, so ten thousand runs
 * never sit in memory at once; with `--page-token`, that one page, and the
 * token of the next on stderr, as kfp's `list` commands page.
 */
export async function printKfpList<Item>(
  globals: GlobalOptions,
  settings: ListSettings,
  list: KfpList<Item>,
  columns: Column<Item>[],
): Promise<void> {
  const query = { pageSize: settings.pageSize, sortBy: settings.sortBy, filter: settings.filter };
  if (settings.pageToken === undefined) {
    await printList(globals, list.all({ ...query, limit: settings.limit }), columns);
    return;
  }
  const page = await list.page({ ...query, pageSize: settings.limit, pageToken: settings.pageToken });
  await printResult(globals, page.items, columns);
  if (page.nextPageToken) process.stderr.write(`Next page: --page-token ${page.nextPageToken}\n`);
}
