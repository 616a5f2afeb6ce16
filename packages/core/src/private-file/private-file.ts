import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PrivateFileError, PrivateFileErrorCode } from './errors.js';

export interface PrivateFileOptions {
  /** What the file holds, for messages: `a login session`, `OIDC tokens`. Default `credentials`. */
  holds?: string | undefined;
}

/** Permission bits that let anyone but the owner read or write. */
const OTHERS = 0o077;
/** Windows has no POSIX modes to check; its ACLs of a user's profile are private already. */
const checksModes = process.platform !== 'win32';

function ioError(action: string, path: string, error: unknown): PrivateFileError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new PrivateFileError(PrivateFileErrorCode.io, path, `Cannot ${action} ${path} (${reason}).`, {
    cause: error,
  });
}

/**
 * The file's text, or undefined when there is no file. A file that others can
 * read or write is refused with `PRIVATE_FILE_EXPOSED`, never read nor
 * silently repaired: what it holds may have been read already, so its owner
 * decides (chmod 600 it, or delete it and log in again). The check is made
 * on the opened file, so the file read is the file checked.
 */
export async function readPrivateFile(
  path: string,
  options: PrivateFileOptions = {},
): Promise<string | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError('read', path, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new PrivateFileError(
        PrivateFileErrorCode.notAFile,
        path,
        `${path} is not a regular file; it should hold ${options.holds ?? 'credentials'}. Remove it or choose another path.`,
      );
    }
    const mode = stats.mode & 0o777;
    if (checksModes && (mode & OTHERS) !== 0) {
      throw new PrivateFileError(
        PrivateFileErrorCode.exposed,
        path,
        `The file ${path} is readable or writable by other users (mode ${mode.toString(8).padStart(3, '0')}); ` +
          `it holds ${options.holds ?? 'credentials'}. Run chmod 600 on it, or delete it to log in again.`,
        { mode },
      );
    }
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof PrivateFileError) throw error;
    throw ioError('read', path, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Replaces the file's content atomically: the text goes to a new 0600 file
 * beside it, flushed, then renamed over the old one, so a reader (another
 * process) sees the old content or the new, never half of either. Missing
 * directories are created 0700; existing ones are left as they are.
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw ioError('create the directory of', path, error);
  }
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    // O_EXCL: a file planted at the temporary name is never written through.
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw ioError('write', path, error);
  }
}

/** Removes the file; no file is not an error. */
export async function removePrivateFile(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
  } catch (error) {
    throw ioError('delete', path, error);
  }
}
