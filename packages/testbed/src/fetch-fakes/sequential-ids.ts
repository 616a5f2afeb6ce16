/**
 * Ids and timestamps for a fake's resources, in creation order: `<kind>-<n>`,
 * and the time of the latest id, one second per id after 2025-06-01, so lists
 * sorted by `created_at` come out in creation order.
 */
export function sequentialIds(): { newId: (kind: string) => string; now: () => string } {
  let sequence = 0;
  return {
    newId: (kind) => {
      sequence += 1;
      return `${kind}-${sequence}`;
    },
    now: () => new Date(Date.UTC(2025, 5, 1) + sequence * 1000).toISOString(),
  };
}
