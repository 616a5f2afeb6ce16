import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { readBoundedHandle } from '../files/bounded-chunks.js';
import { fileIdentity } from './file-identity.js';

/** A file's text and the identity of the very inode it was read from. */
export interface FileSnapshot {
  readonly text: string;
  readonly identity: string;
}

/**
 * Why a file could not be read: it is missing, it could not be read, or it is larger than the
 * limit.
 */
export type FileReadFailureKind = 'missing' | 'unreadable' | 'too-large';

/** Why a file could not be read, in words fit for an error message (paths only, never content). */
export class FileReadFailure extends Error {
  readonly kind: FileReadFailureKind;

  constructor(kind: FileReadFailureKind, reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.kind = kind;
  }
}

/**
 * Reads a small file through one open descriptor, so the identity recorded is
 * that of the bytes returned even if the file is replaced meanwhile.
 * O_NONBLOCK keeps a FIFO at the path from hanging the open; anything that
 * is not a regular file is refused before reading.
 */
export async function readFileSnapshot(path: string, maxBytes: number): Promise<FileSnapshot> {
  try {
    return await readOnce(path, maxBytes);
  } catch (error) {
    // The kubelet deletes the previous timestamped directory right after swapping `..data`
    // (kubernetes pkg/volume/util/atomic_writer.go, steps 9-11): an open that resolved the old
    // `..data` target an instant before can find it gone. The path is valid again at once.
    if (errorCode(error) !== 'ENOENT') throw asFailure(error);
  }
  try {
    return await readOnce(path, maxBytes);
  } catch (error) {
    throw asFailure(error);
  }
}

async function readOnce(path: string, maxBytes: number): Promise<FileSnapshot> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      throw new FileReadFailure('unreadable', `it is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) {
      throw new FileReadFailure('too-large', `it is ${stats.size} bytes, more than the ${maxBytes} expected`);
    }
    // Bounded whatever the stated size: a file under /proc states 0, and a file may grow after the fstat.
    const bytes = await readBoundedHandle(handle, maxBytes, stats.size);
    if (bytes === undefined) {
      throw new FileReadFailure('too-large', `it holds more than the ${maxBytes} bytes expected`);
    }
    return { text: new TextDecoder().decode(bytes), identity: fileIdentity(stats) };
  } finally {
    await handle.close();
  }
}

function asFailure(error: unknown): FileReadFailure {
  if (error instanceof FileReadFailure) return error;
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
      return new FileReadFailure('missing', 'nothing is there, or it is a symlink to nothing (ENOENT)', {
        cause: error,
      });
    case 'ENOTDIR':
      return new FileReadFailure('missing', 'a part of the path is a file, not a directory (ENOTDIR)', {
        cause: error,
      });
    case 'EACCES':
    case 'EPERM':
      return new FileReadFailure('unreadable', `permission denied (${code})`, { cause: error });
    case 'ELOOP':
      return new FileReadFailure('unreadable', 'its symlinks form a loop (ELOOP)', { cause: error });
    default:
      return new FileReadFailure('unreadable', `the read failed (${code ?? String(error)})`, {
        cause: error,
      });
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}
