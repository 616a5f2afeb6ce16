import { invalidOption } from '../validate/invalid-option.js';

/** How a wait polls: the first delay, the longest delay, and the backoff factor between them. */
export interface PollTiming {
  /** Delay before the second poll. */
  pollIntervalMs?: number | undefined;
  /** Longest delay between polls, however long the wait. */
  maxPollIntervalMs?: number | undefined;
  /** Each delay is the previous one times this (1 polls at a fixed rate). */
  backoffFactor?: number | undefined;
}

/** The delays between polls: `pollIntervalMs`, growing by `backoffFactor` up to `maxPollIntervalMs`. */
export function pollDelays(timing: PollTiming, defaults: Required<PollTiming>): () => number {
  const first = timing.pollIntervalMs ?? defaults.pollIntervalMs;
  const max = timing.maxPollIntervalMs ?? Math.max(defaults.maxPollIntervalMs, first);
  const factor = timing.backoffFactor ?? defaults.backoffFactor;
  for (const [name, value] of [
    ['pollIntervalMs', first],
    ['maxPollIntervalMs', max],
  ] as const) {
    if (!(Number.isFinite(value) && value >= 0))
      throw invalidOption(`${name} must be a number of milliseconds >= 0, got ${value}.`);
  }
  if (!(Number.isFinite(factor) && factor >= 1))
    throw invalidOption(`backoffFactor must be a number >= 1, got ${factor}.`);
  let next = first;
  return () => {
    const delay = Math.min(next, max);
    next = Math.min(next * factor, max);
    return delay;
  };
}
