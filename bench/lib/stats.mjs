// Small statistics over interleaved rounds. Medians, because a shared 2-core
// machine produces outliers in both directions.

/** @param {number[]} values */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** @param {number[]} values */
export function spread(values) {
  return values.length
    ? { min: Math.min(...values), max: Math.max(...values) }
    : { min: Number.NaN, max: Number.NaN };
}

/**
 * Rotates `items` by `round` so every contender runs first, last and in between
 * across rounds: drift (CPU frequency, a neighbour's build) hits all of them.
 * @template T @param {T[]} items @param {number} round
 */
export function rotate(items, round) {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
