/**
 * Runs a wait with an AbortSignal that Ctrl-C fires, so the library's wait
 * ends with its `*_WAIT_ABORTED` code (exit 130) instead of the process dying mid-request.
 */
export async function untilInterrupted<T>(wait: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const onInterrupt = () => stop.abort(new Error('interrupted'));
  process.on('SIGINT', onInterrupt);
  try {
    return await wait(stop.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
