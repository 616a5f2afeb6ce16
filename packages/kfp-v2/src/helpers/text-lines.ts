/** A line longer than this is handed out in pieces of this many characters, so one line never holds more memory. */
export const MAX_LOG_LINE_CHARS = 1024 * 1024;

/**
 * The lines of a UTF-8 byte stream, without their line breaks, read as they
 * arrive (constant memory whatever the stream's size). A last line without a
 * line break is yielded too unless `completeOnly` (it may still be growing).
 */
export async function* linesOf(
  body: ReadableStream<Uint8Array>,
  options: { completeOnly?: boolean } = {},
): AsyncGenerator<string> {
  const decoder = new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>;
  const reader = body.pipeThrough(decoder).getReader();
  let pending = '';
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      pending += value;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        yield pending.slice(0, newline).replace(/\r$/, '');
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      while (pending.length > MAX_LOG_LINE_CHARS) {
        yield pending.slice(0, MAX_LOG_LINE_CHARS);
        pending = pending.slice(MAX_LOG_LINE_CHARS);
      }
    }
    if (pending && !options.completeOnly) yield pending;
  } finally {
    reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
