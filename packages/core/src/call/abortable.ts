/**
 * Settles like `work`, or rejects with a signal's reason as soon as one of
 * `signals` aborts, whichever comes first. What is being waited for (a shared
 * credential acquisition) keeps running for the other callers; this caller
 * stops waiting for it. Pass the source signals rather than an
 * `AbortSignal.any` of them: a composite signal nobody references may be
 * garbage-collected before it fires.
 */
export function abortable<T>(
  work: Promise<T>,
  signals: AbortSignal | ReadonlyArray<AbortSignal | undefined> | undefined,
): Promise<T> {
  const sources = [signals].flat().filter((signal): signal is AbortSignal => signal !== undefined);
  if (sources.length === 0) return work;
  const aborted = sources.find((signal) => signal.aborted);
  if (aborted) {
    work.catch(() => undefined);
    return Promise.reject(aborted.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const listeners = sources.map((signal) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      return () => signal.removeEventListener('abort', onAbort);
    });
    work.then(resolve, reject).finally(() => {
      for (const remove of listeners) remove();
    });
  });
}
