import { type FetchResultLike, unwrap } from '@ml-platform/core';

/**
 * What `find` finds, else what `create` creates. A concurrent creator winning
 * the race (HTTP 409) is handled by finding what it created.
 */
export async function findOrCreate<T>(
  find: () => Promise<T | undefined>,
  create: () => Promise<FetchResultLike<T>>,
): Promise<T> {
  const existing = await find();
  if (existing) return existing;
  const created = await create();
  if (created.response.status === 409) {
    const winner = await find();
    if (winner) return winner;
  }
  return unwrap(created);
}
