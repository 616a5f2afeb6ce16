import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuthError } from '@ml-platform/core';
import { CookieJar, type SerializedCookieJar } from 'tough-cookie';
import { DexSessionErrorCode, PLUGIN_NAME } from './errors.js';
import { type DexSession, sessionFor } from './session.js';

/** What the session file holds: the endpoint's cookies, tied to the endpoint's origin. */
interface SessionFileContent {
  format: 'ml-platform-dex-session/1';
  endpoint: string;
  savedAt: string;
  cookies: SerializedCookieJar;
}

function fileError(message: string, cause?: unknown): AuthError {
  return new AuthError(PLUGIN_NAME, DexSessionErrorCode.sessionFile, message, { cause });
}

/**
 * The saved session for `endpoint`, or undefined when there is none usable
 * (no file, another endpoint, unreadable JSON, every cookie expired).
 * A file other users can read is refused: it holds a login session.
 */
export async function loadSessionFile(path: string, endpoint: URL): Promise<DexSession | undefined> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError(`Cannot read the session file ${path}: ${(error as Error).message}.`, error);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw fileError(
      `The session file ${path} is readable or writable by other users (mode ${(mode & 0o777).toString(8)}); ` +
        `it holds a login session. Run chmod 600 on it, or delete it to log in again.`,
    );
  }
  let content: Partial<SessionFileContent>;
  try {
    content = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined; // A damaged file is replaced after the next login.
  }
  if (
    content?.format !== 'ml-platform-dex-session/1' ||
    content.endpoint !== endpoint.origin ||
    !content.cookies
  ) {
    return undefined;
  }
  let jar: CookieJar;
  try {
    jar = CookieJar.deserializeSync(content.cookies);
  } catch {
    return undefined;
  }
  const session = sessionFor(endpoint, jar);
  return session.value === '' ? undefined : session;
}

/** Writes the session atomically (temporary file, then rename), readable by its owner only. */
export async function saveSessionFile(path: string, endpoint: URL, session: DexSession): Promise<void> {
  const cookies = session.jar.serializeSync();
  if (!cookies) return;
  const content: SessionFileContent = {
    format: 'ml-platform-dex-session/1',
    endpoint: endpoint.origin,
    savedAt: new Date().toISOString(),
    cookies,
  };
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(temporary, `${JSON.stringify(content)}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(temporary, 0o600); // the umask cannot widen 0600, but an odd filesystem might
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw fileError(`Cannot write the session file ${path}: ${(error as Error).message}.`, error);
  }
}

export async function deleteSessionFile(path: string): Promise<void> {
  try {
    await rm(path, { force: true });
  } catch (error) {
    throw fileError(`Cannot delete the session file ${path}: ${(error as Error).message}.`, error);
  }
}
