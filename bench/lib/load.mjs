// Load drivers: a bounded number of requests, sequential or with a fixed
// number in flight. They return elapsed milliseconds and let a failed request
// throw: a benchmark that silently counts errors as fast requests lies.

/** @param {() => Promise<void>} send @param {number} count */
export async function runSequential(send, count) {
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await send();
  return performance.now() - started;
}

/** @param {() => Promise<void>} send @param {number} count @param {number} concurrency */
export async function runConcurrent(send, count, concurrency) {
  let issued = 0;
  const worker = async () => {
    while (issued < count) {
      issued += 1;
      await send();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return performance.now() - started;
}

/**
 * Fires `count` requests in the same tick and times the first and the last
 * response: what a service sees when a burst arrives before any credential.
 * @param {() => Promise<void>} send @param {number} count
 */
export async function runBurst(send, count) {
  const started = performance.now();
  let firstMs;
  await Promise.all(
    Array.from({ length: count }, () =>
      send().then(() => {
        firstMs ??= performance.now() - started;
      }),
    ),
  );
  return { firstMs, allMs: performance.now() - started };
}
