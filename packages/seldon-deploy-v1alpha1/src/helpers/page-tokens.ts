import { SeldonError, SeldonErrorCode } from './errors.js';
import { checkPagingLimits } from './paging-limits.js';

/** Paging of the listings that page with a token: page size, a limit and cancellation. */
export interface TokenPagingOptions {
  /** Items per request; the server's default when left out. */
  pageSize?: number | undefined;
  /** Stop after this many items, without fetching further pages. */
  limit?: number | undefined;
  /** Cancels the request in flight and stops the iteration. */
  signal?: AbortSignal | undefined;
}

/**
 * The items of every page of a `pageToken`/`nextPageToken` list (Seldon
 * Deploy's gRPC-gateway services: model metadata, inference logs), until
 * the server answers no next token or `limit` items were yielded.
 */
export async function* followPageTokens<Item>(
  what: string,
  options: TokenPagingOptions,
  fetchPage: (
    pageToken: string | undefined,
    pageSize: number | undefined,
  ) => Promise<{ items: Item[] | undefined; nextPageToken: string | undefined }>,
): AsyncGenerator<Item, void, undefined> {
  const { pageSize, limit } = options;
  checkPagingLimits(options);
  if (limit === 0) return;
  let count = 0;
  let pageToken: string | undefined;
  do {
    const page = await fetchPage(
      pageToken,
      limit === undefined ? pageSize : Math.min(pageSize ?? limit, limit - count),
    );
    for (const item of page.items ?? []) {
      yield item;
      count += 1;
      if (limit !== undefined && count >= limit) return;
    }
    const next = page.nextPageToken || undefined;
    if (next !== undefined && next === pageToken) {
      throw new SeldonError(
        SeldonErrorCode.pageRepeated,
        `${what} answered page token ${JSON.stringify(next)} with the same token again; stopping instead of looping.`,
      );
    }
    pageToken = next;
  } while (pageToken !== undefined);
}

/** Collects an async iterable into an array (mind `limit` on large lists). */
export async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}
