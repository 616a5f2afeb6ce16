/**
 * Shapes a response the way the API server's marshaler does (protojson with
 * `UseProtoNames`, unpopulated fields left out): fields that are undefined,
 * empty strings, zero, false or empty lists are dropped, so a client sees the
 * same absences it sees from KFP (an empty list answers `{}`).
 */
export function toProtoJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => toProtoJson(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || field === '' || field === 0 || field === false) continue;
    if (Array.isArray(field) && field.length === 0) continue;
    result[key] = toProtoJson(field);
  }
  return result as T;
}

/** Timestamps as the API server stores them (`CreatedAtInSec`): whole seconds, RFC 3339. */
export function timestamp(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
