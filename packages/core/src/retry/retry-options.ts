import type { MlPlatformError } from '../errors.js';
import { invalidOption } from '../validate/invalid-option.js';

/** What `onRetry` is told before each wait: never a header value or a body. */
export interface RetryEvent {
  /** The attempt that just failed, from 1. The next one is `attempt + 1`. */
  attempt: number;
  /** How long the transport waits before the next attempt, ms. */
  delayMs: number;
  /** `Retry-After` from the response, when it set the delay. */
  retryAfterMs: number | undefined;
  method: string;
  /** The request URL, redacted. */
  url: string;
  /** The status that is retried (429, 502, 503, 504), or undefined for a dropped connection. */
  status: number | undefined;
  /** The dropped connection (`NETWORK_ERROR`), or undefined for a status. */
  error: MlPlatformError | undefined;
}

/**
 * When and how often a client retries a failed request: attempts, backoff and which failures count
 * (the `retry` option of a client).
 */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3 (as the AWS SDK's standard mode). 1 turns retries off. */
  maxAttempts?: number | undefined;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). Default 100 ms. */
  baseDelayMs?: number | undefined;
  /** Upper bound of one backoff wait. Default 20000 ms. */
  maxDelayMs?: number | undefined;
  /**
   * The longest `Retry-After` that is waited for. A longer one is not retried:
   * the response goes back to the caller. Default 60000 ms.
   */
  maxRetryAfterMs?: number | undefined;
  /** Statuses retried. Default 429, 502, 503, 504. */
  statuses?: readonly number[] | undefined;
  /**
   * Methods retried. Default GET, HEAD, OPTIONS, PUT, DELETE (idempotent by RFC 9110).
   * A POST is retried only when listed here or when it carries an `Idempotency-Key` header.
   */
  methods?: readonly string[] | undefined;
  /** Called before each wait, to log or count retries. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Source of jitter in [0, 1). Default `Math.random`; tests pass their own. */
  random?: (() => number) | undefined;
}

/** The policy with every default filled in. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  statuses: ReadonlySet<number>;
  methods: ReadonlySet<string>;
  onRetry: ((event: RetryEvent) => void) | undefined;
  random: () => number;
}

const DEFAULTS = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
  statuses: [429, 502, 503, 504],
  methods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'],
} as const;

const KEYS = new Set([
  'maxAttempts',
  'baseDelayMs',
  'maxDelayMs',
  'maxRetryAfterMs',
  'statuses',
  'methods',
  'onRetry',
  'random',
]);

/** A timer longer than this fires at once in every JavaScript runtime. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function milliseconds(name: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > MAX_TIMER_MS) {
    throw invalidOption(
      `retry.${name} must be a number of milliseconds from ${min} to ${MAX_TIMER_MS}, got ${String(value)}.`,
    );
  }
  return value;
}

function fn<T>(name: string, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function')
    throw invalidOption(`retry.${name} must be a function, got ${typeof value}.`);
  return value as T;
}

/**
 * The retry policy for `retry`: `undefined` means the defaults, `false` (or
 * `maxAttempts: 1`) means none.
 */
export function resolveRetryPolicy(retry: unknown): RetryPolicy | undefined {
  if (retry === false) return undefined;
  if (retry !== undefined && (retry === null || typeof retry !== 'object' || Array.isArray(retry))) {
    throw invalidOption(`retry must be false or an object such as { maxAttempts: 5 }, got ${typeof retry}.`);
  }
  const options = (retry ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!KEYS.has(key))
      throw invalidOption(`retry.${key} is not a retry option; expected one of ${[...KEYS].join(', ')}.`);
  }
  const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
  if (
    typeof maxAttempts !== 'number' ||
    !Number.isInteger(maxAttempts) ||
    maxAttempts < 1 ||
    maxAttempts > 10
  ) {
    throw invalidOption(`retry.maxAttempts must be a whole number from 1 to 10, got ${String(maxAttempts)}.`);
  }
  const statuses = options.statuses ?? DEFAULTS.statuses;
  if (!Array.isArray(statuses) || !statuses.every((s) => Number.isInteger(s) && s >= 400 && s <= 599)) {
    throw invalidOption('retry.statuses must be a list of HTTP error statuses (400-599), e.g. [429, 503].');
  }
  if (statuses.includes(401)) {
    // A 401 is answered by the auth plugins: they replace the credential and replay once.
    throw invalidOption(
      'retry.statuses cannot include 401: the auth plugins replay a request after a 401 themselves.',
    );
  }
  const methods = options.methods ?? DEFAULTS.methods;
  if (!Array.isArray(methods) || !methods.every((m) => typeof m === 'string' && /^[A-Za-z]+$/.test(m))) {
    throw invalidOption('retry.methods must be a list of HTTP methods, e.g. ["GET", "PUT"].');
  }
  if (maxAttempts === 1) return undefined;
  return {
    maxAttempts,
    baseDelayMs: milliseconds('baseDelayMs', options.baseDelayMs, DEFAULTS.baseDelayMs, 0),
    maxDelayMs: milliseconds('maxDelayMs', options.maxDelayMs, DEFAULTS.maxDelayMs, 0),
    maxRetryAfterMs: milliseconds('maxRetryAfterMs', options.maxRetryAfterMs, DEFAULTS.maxRetryAfterMs, 0),
    statuses: new Set(statuses as number[]),
    methods: new Set((methods as string[]).map((m) => m.toUpperCase())),
    onRetry: fn('onRetry', options.onRetry),
    random: fn<() => number>('random', options.random) ?? Math.random,
  };
}
