import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readBoundedHandle } from '../files/bounded-chunks.js';
import { MAX_NAMED_FILE_BYTES } from '../files/named-file-options.js';
import { PrivateFileError, PrivateFileErrorCode } from './errors.js';

/** The options of the private-file readers and writers: what the file holds, named in messages. */
export interface PrivateFileOptions {
  /** What the file holds, for messages: `a login session`, `OIDC tokens`. Default `credentials`. */
  holds?: string | undefined;
  /** The option that named the file (`sessionFile`, `tokenCache`), for messages. */
  field?: string | undefined;
}

/** Permission bits that let anyone but the owner write: such a directory lets others swap the file. */
const OTHERS_WRITE = 0o022;
// Never wait for a writer on a FIFO planted at the path: fstat then refuses it.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function named(path: string, options: PrivateFileOptions): string {
  return options.field ? `${path} (${options.field})` : path;
}

/**
 * Refuses a directory that others may write to (`PRIVATE_FILE_EXPOSED`,
 * naming it and its mode): anyone who can write there can replace the file
 * between two reads, or read a token written into a world-writable /tmp.
 * A directory this call just created (`created`) is fixed to 0700 instead.
 */
async function checkDirectory(path: string, options: PrivateFileOptions, created: boolean): Promise<void> {
  if (!checksModes) return;
  const directory = dirname(path);
  let mode: number;
  try {
    mode = (await stat(directory)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw ioError('check the directory of', path, error);
  }
  if ((mode & OTHERS_WRITE) === 0) return;
  if (created) {
    await chmod(directory, 0o700).catch((error: unknown) => {
      throw ioError('make private the directory of', path, error);
    });
    return;
  }
  throw new PrivateFileError(
    PrivateFileErrorCode.exposed,
    directory,
    `The directory ${directory}, where ${named(path, options)} is kept, can be written by other users ` +
      `(mode ${mode.toString(8).padStart(3, '0')}), so they could replace ${options.holds ?? 'the credentials'} ` +
      'in it. Run chmod 700 on it, or choose a file in a private directory.',
    { mode },
  );
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
  await checkDirectory(path, options, false);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, OPEN_FLAGS);
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
    return await readBounded(handle, path, options);
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
export async function writePrivateFile(
  path: string,
  text: string,
  options: PrivateFileOptions = {},
): Promise<void> {
  let created: string | undefined;
  try {
    created = await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw ioError('create the directory of', path, error);
  }
  await checkDirectory(path, options, created !== undefined);
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

/**
 * The file's text, at most 1 MiB: a credential file larger than that is not
 * one this project wrote (`PRIVATE_FILE_TOO_LARGE`), and is not read to the end.
 */
async function readBounded(
  handle: Awaited<ReturnType<typeof open>>,
  path: string,
  options: PrivateFileOptions,
): Promise<string> {
  const bytes = await readBoundedHandle(handle, MAX_NAMED_FILE_BYTES, 0);
  if (bytes === undefined) {
    throw new PrivateFileError(
      PrivateFileErrorCode.tooLarge,
      path,
      `${named(path, options)} holds more than ${MAX_NAMED_FILE_BYTES} bytes, more than ${options.holds ?? 'credentials'} ` +
        'ever take; it is not a file this project wrote. Delete it, or choose another path.',
    );
  }
  return new TextDecoder().decode(bytes);
}

/** Removes the file; no file is not an error. */
export async function removePrivateFile(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
  } catch (error) {
    throw ioError('delete', path, error);
  }
}
