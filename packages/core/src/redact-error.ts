import { redactDeep, redactSecrets } from './redact.js';

/**
 * Redacts `secrets` (each in every form {@link encodingsOf} knows) from an
 * error and everything printed with it: its message and stack, its own
 * properties (what `util.inspect` and `JSON.stringify` show, a provider's
 * `error_description`, a kept response body), every `cause` level and the
 * errors of an AggregateError. The errors are changed in place, so the
 * object a caller catches is the one that was checked. Returns `error`.
 */
export function redactError<T>(error: T, secrets: Iterable<string | undefined>): T {
  const known = [...secrets].filter(
    (secret): secret is string => typeof secret === 'string' && secret !== '',
  );
  if (known.length === 0) return error;
  scrub(error, known, new Set(), 0);
  return error;
}

function scrub(value: unknown, secrets: string[], seen: Set<object>, depth: number): void {
  if (typeof value !== 'object' || value === null || seen.has(value) || depth > 8) return;
  seen.add(value);
  const target = value as Record<string, unknown>;
  for (const key of Reflect.ownKeys(target)) {
    if (typeof key !== 'string') continue;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor || !('value' in descriptor)) continue;
    const item = descriptor.value;
    if (typeof item === 'string') {
      const clean = redactSecrets(item, secrets);
      if (clean !== item) replace(target, key, descriptor, clean);
    } else if (item instanceof Error || (key === 'cause' && typeof item === 'object')) {
      scrub(item, secrets, seen, depth + 1);
    } else if (Array.isArray(item) && item.some((entry) => entry instanceof Error)) {
      for (const entry of item) scrub(entry, secrets, seen, depth + 1);
    } else if (typeof item === 'object' && item !== null && !(item instanceof Uint8Array)) {
      const clean = redactDeep(item, secrets);
      if (JSON.stringify(clean) !== safeStringify(item)) replace(target, key, descriptor, clean);
    }
  }
}

function replace(target: object, key: string, descriptor: PropertyDescriptor, value: unknown): void {
  try {
    Object.defineProperty(target, key, { ...descriptor, value });
  } catch {
    // A frozen or non-configurable property: leave it, the error was built by someone else.
  }
}

function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
