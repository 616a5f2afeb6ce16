import { type FetchResultLike, unwrap } from '../unwrap.js';
import { KfpError, KfpErrorCode } from './errors.js';

/** What a by-name lookup was for, to say so when the name is ambiguous. */
export interface NamedLookup {
  /** `'experiment'`, ... */
  kind: string;
  name: string;
  namespace: string | undefined;
  /** What to pass instead of the name, as the API version calls it (`'experiment_id'`). */
  idName: string;
}

/** The one item a by-name lookup found, or undefined; `KFP_AMBIGUOUS_NAME` when the server reports several. */
export function onlyNamed<T>(items: readonly T[], lookup: NamedLookup): T | undefined {
  if (items.length > 1) {
    const { kind, name, namespace, idName } = lookup;
    throw new KfpError(
      KfpErrorCode.ambiguousName,
      `More than one ${kind} is named '${name}'${namespace ? ` in namespace '${namespace}'` : ''}; ` +
        `pass the ${idName} instead, or give the namespace.`,
    );
  }
  return items[0];
}

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
