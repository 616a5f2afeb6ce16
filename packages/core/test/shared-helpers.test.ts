// The helpers core shares with the API packages, tested on their own: the
// packages' tests cover them as each package uses them.
import { ConfigError, MlPlatformError, type PollTarget, pollUntil } from '@ml-platform/core';
import { describe, expect, it } from 'vitest';

/** A target whose polls answer `answers` in turn (an Error is thrown), staying at the last. */
function answering<T>(...answers: (T | Error)[]): PollTarget<T> & { polls: number } {
  const target = {
    polls: 0,
    poll: async () => {
      const answer = answers[Math.min(target.polls, answers.length - 1)] as T | Error;
      target.polls += 1;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    isDone: (value: T) => value === 'done',
    defaults: { pollIntervalMs: 1, maxPollIntervalMs: 1, backoffFactor: 1 },
    stopped: (how: 'timeout' | 'aborted', last: T | undefined, cause: unknown) =>
      new MlPlatformError(`STOPPED_${how.toUpperCase()}`, `last was ${String(last)}`, { cause }),
  };
  return target;
}

describe('pollUntil', () => {
  it('polls until done and returns the value, calling onPoll with each', async () => {
    const target = answering('pending', 'running', 'done');
    const seen: string[] = [];
    expect(await pollUntil(target, { onPoll: (value) => seen.push(value) })).toBe('done');
    expect(seen).toEqual(['pending', 'running', 'done']);
  });

  it('polls again after up to maxConsecutiveErrors transient failures in a row, not after others', async () => {
    const dropped = new TypeError('fetch failed');
    expect(await pollUntil(answering(dropped, dropped, 'done'), { maxConsecutiveErrors: 2 })).toBe('done');
    await expect(pollUntil(answering(dropped, dropped, 'done'), { maxConsecutiveErrors: 1 })).rejects.toBe(
      dropped,
    );
    const refused = new Error('403');
    const target = answering(refused, 'done');
    await expect(pollUntil(target)).rejects.toBe(refused);
    expect(target.polls).toBe(1);
  });

  it('ends early with failure(), and with stopped() at the timeout or when the caller aborts', async () => {
    const failed = new MlPlatformError('FAILED', 'gave up');
    await expect(
      pollUntil({ ...answering('pending', 'broken'), failure: (v) => (v === 'broken' ? failed : undefined) }),
    ).rejects.toBe(failed);
    await expect(pollUntil(answering('pending'), { timeoutMs: 20 })).rejects.toMatchObject({
      code: 'STOPPED_TIMEOUT',
      message: 'last was pending',
    });
    const controller = new AbortController();
    const reason = new Error('user pressed stop');
    await expect(
      pollUntil(answering('pending'), { signal: controller.signal, onPoll: () => controller.abort(reason) }),
    ).rejects.toMatchObject({ code: 'STOPPED_ABORTED', cause: reason });
  });

  it('refuses nonsense options before the first poll', async () => {
    const target = answering('done');
    await expect(pollUntil(target, { maxConsecutiveErrors: -1 })).rejects.toBeInstanceOf(ConfigError);
    await expect(pollUntil(target, { backoffFactor: 0.5 })).rejects.toBeInstanceOf(ConfigError);
    await expect(pollUntil(target, { timeoutMs: 0 })).rejects.toBeInstanceOf(ConfigError);
    expect(target.polls).toBe(0);
  });
});
