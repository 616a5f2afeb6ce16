import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { NamedFileError } from './errors.js';
import { fromSystemError, notRegular, tooLarge } from './failure.js';
import { maxBytesOf, type NamedFileOptions } from './named-file-options.js';

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer;
// fstat on the opened descriptor then refuses it (and any device) before a byte is
// read, so the file checked is the file read. Windows has no O_NONBLOCK, nor FIFOs.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK_BYTES = 64 * 1024;

/**
 * Collects at most `maxBytes + 1` bytes: one more than allowed is how a file
 * that grew, or states no size (files under `/proc` say 0), is found too
 * large without reading it to the end.
 */
class BoundedChunks {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  private readonly limit: number;
  private readonly statedSize: number;

  constructor(maxBytes: number, statedSize: number) {
    this.limit = maxBytes + 1;
    this.statedSize = statedSize;
  }

  get full(): boolean {
    return this.total >= this.limit;
  }

  /** A buffer for the next read: the stated size plus the one byte that reveals growth, in chunks. */
  next(): Uint8Array {
    const wanted = this.total === 0 ? Math.max(this.statedSize + 1, 4096) : CHUNK_BYTES;
    return new Uint8Array(Math.min(wanted, CHUNK_BYTES * 16, this.limit - this.total));
  }

  add(buffer: Uint8Array, bytesRead: number): void {
    this.chunks.push(buffer.subarray(0, bytesRead));
    this.total += bytesRead;
  }

  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0] as Uint8Array;
    const bytes = new Uint8Array(this.total);
    let offset = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  }
}

/**
 * The bytes of a regular file of at most `maxBytes` (default 1 MiB) that a
 * setting names: a CA bundle, a key, a token file, a session file. Anything
 * else is a {@link NamedFileError} (a `ConfigError`) naming the file and the
 * field: `FILE_NOT_FOUND`, `FILE_NOT_REGULAR` (a FIFO, device or directory,
 * never read, so `/dev/zero` or a pipe cannot exhaust memory or block),
 * `FILE_TOO_LARGE` or `FILE_UNREADABLE`. At most `maxBytes + 1` bytes are
 * read, whatever the file's stated size (files under `/proc` state 0).
 */
export async function readNamedFile(path: string, options: NamedFileOptions): Promise<Uint8Array> {
  const maxBytes = maxBytesOf(options);
  options.signal?.throwIfAborted();
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw fromSystemError(path, options, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegular(path, options, stats);
    if (stats.size > maxBytes) throw tooLarge(path, options, maxBytes);
    const chunks = new BoundedChunks(maxBytes, stats.size);
    while (!chunks.full) {
      options.signal?.throwIfAborted();
      const target = chunks.next();
      const { bytesRead } = await handle.read(target, 0, target.length, null);
      if (bytesRead === 0) break;
      chunks.add(target, bytesRead);
    }
    if (chunks.full) throw tooLarge(path, options, maxBytes);
    return chunks.bytes();
  } catch (error) {
    if (error instanceof NamedFileError || isAbort(error, options.signal)) throw error;
    throw fromSystemError(path, options, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** {@link readNamedFile} for callers that cannot await (a synchronous option resolver). */
export function readNamedFileSync(path: string, options: NamedFileOptions): Uint8Array {
  const maxBytes = maxBytesOf(options);
  options.signal?.throwIfAborted();
  let descriptor: number;
  try {
    descriptor = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw fromSystemError(path, options, error);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw notRegular(path, options, stats);
    if (stats.size > maxBytes) throw tooLarge(path, options, maxBytes);
    const chunks = new BoundedChunks(maxBytes, stats.size);
    while (!chunks.full) {
      const target = chunks.next();
      const bytesRead = readSync(descriptor, target, 0, target.length, null);
      if (bytesRead === 0) break;
      chunks.add(target, bytesRead);
    }
    if (chunks.full) throw tooLarge(path, options, maxBytes);
    return chunks.bytes();
  } catch (error) {
    if (error instanceof NamedFileError) throw error;
    throw fromSystemError(path, options, error);
  } finally {
    try {
      closeSync(descriptor);
    } catch {
      // Closing a descriptor only read from cannot lose data; the read's outcome stands.
    }
  }
}

/** {@link readNamedFile}, decoded as UTF-8 (a byte-order mark is dropped, invalid bytes become U+FFFD). */
export async function readNamedTextFile(path: string, options: NamedFileOptions): Promise<string> {
  return new TextDecoder('utf-8').decode(await readNamedFile(path, options));
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && error === signal.reason;
}
