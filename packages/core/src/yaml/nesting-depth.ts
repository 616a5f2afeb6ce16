// The `yaml` package composes documents recursively: a few kB of `[[[[` exhaust the stack, and at
// some depths V8 then aborts the whole process (a fatal "RegExpCompiler Allocation failed") rather
// than throw a RangeError. Its parser, however, is iterative, so the depth of each parsed (CST)
// document can be measured, here without recursion, before the composer sees it.
import type { CST } from 'yaml';

/** Deeper than any manifest or pipeline spec nests, far below where the composer runs out of stack. */
export const MAX_NESTING_DEPTH = 256;

/** How deeply the collections of one CST token nest (0 for a scalar). */
export function nestingDepth(root: CST.Token): number {
  let deepest = 0;
  const pending: Array<[CST.Token | null | undefined, number]> = [[root, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [token, depth] = next;
    if (!token) continue;
    if (token.type === 'document') {
      pending.push([token.value, depth]);
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')
      continue;
    deepest = Math.max(deepest, depth + 1);
    for (const item of token.items) {
      pending.push(['key' in item ? item.key : undefined, depth + 1], [item.value, depth + 1]);
    }
  }
  return deepest;
}
