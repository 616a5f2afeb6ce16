import { AuthError } from '@ml-platform/core';
import { readPrivateFile, removePrivateFile, writePrivateFile } from '@ml-platform/core/private-file';
import { CookieJar, type SerializedCookieJar } from 'tough-cookie';
import { DexSessionErrorCode, PLUGIN_NAME } from './errors.js';
import type { DexSession } from './session.js';
import { sessionFor } from './session-from-jar.js';

/** What the session file holds: the endpoint's cookies, tied to the endpoint's origin. */
interface SessionFileContent {
  format: 'ml-platform-dex-session/1';
  endpoint: string;
  savedAt: string;
  cookies: SerializedCookieJar;
}

/** The private-file error (its code, path and mode) as this plugin's AUTH_DEX_SESSION_FILE, same message. */
function fileError(error: unknown): AuthError {
  return new AuthError(PLUGIN_NAME, DexSessionErrorCode.sessionFile, (error as Error).message, {
    cause: error,
  });
}

/**
 * The saved session for `endpoint`, or undefined when there is none usable
 * (no file, another endpoint, unreadable JSON, every cookie expired).
 * A file other users can read is refused (core's private-file policy): it holds a login session.
 */
export async function loadSessionFile(path: string, endpoint: URL): Promise<DexSession | undefined> {
  const text = await readPrivateFile(path, { holds: 'a login session', field: 'sessionFile' }).catch(
    (error: unknown) => {
      throw fileError(error);
    },
  );
  if (text === undefined) return undefined;
  let content: Partial<SessionFileContent>;
  try {
    content = JSON.parse(text);
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

/** Writes the session through core's private-file policy: atomically, readable by its owner only. */
export async function saveSessionFile(path: string, endpoint: URL, session: DexSession): Promise<void> {
  const cookies = session.jar.serializeSync();
  if (!cookies) return;
  const content: SessionFileContent = {
    format: 'ml-platform-dex-session/1',
    endpoint: endpoint.origin,
    savedAt: new Date().toISOString(),
    cookies,
  };
  await writePrivateFile(path, `${JSON.stringify(content)}\n`, {
    holds: 'a login session',
    field: 'sessionFile',
  }).catch((error: unknown) => {
    throw fileError(error);
  });
}

export async function deleteSessionFile(path: string): Promise<void> {
  await removePrivateFile(path).catch((error: unknown) => {
    throw fileError(error);
  });
}
