/** Reads after the first are of this size at most. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Collects at most `maxBytes + 1` bytes: one more than allowed is how a file
 * that grew, or states no size (files under `/proc` say 0), is found too
 * large without reading it to the end.
 */
export class BoundedChunks {
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

/** The bytes of an open file, at most `maxBytes`; undefined when it holds more (read to `maxBytes + 1` only). */
export async function readBoundedHandle(
  handle: {
    read(buffer: Uint8Array, offset: number, length: number, position: null): Promise<{ bytesRead: number }>;
  },
  maxBytes: number,
  statedSize: number,
): Promise<Uint8Array | undefined> {
  const chunks = new BoundedChunks(maxBytes, statedSize);
  while (!chunks.full) {
    const target = chunks.next();
    const { bytesRead } = await handle.read(target, 0, target.length, null);
    if (bytesRead === 0) break;
    chunks.add(target, bytesRead);
  }
  return chunks.full ? undefined : chunks.bytes();
}
