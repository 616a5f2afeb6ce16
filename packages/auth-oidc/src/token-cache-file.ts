import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileLockError, withFileLock } from './file-lock.js';
import type { CacheKey, TokenStore } from './token-store.js';
import type { StoredTokens } from './tokens.js';
import { OidcAuthWarningCode, type WarningSink } from './warnings.js';

const FORMAT_VERSION = 1;

/** One login as written to disk (snake_case, like the token response it came from). */
interface CacheEntry {
  id_token?: string;
  access_token?: string;
  /** Epoch milliseconds. */
  access_token_expires_at?: number;
  refresh_token?: string;
  scope?: string;
  updated_at?: string;
}

/** `{ version: 1, tokens: { <issuer>: { <clientId>: entry } } }` */
interface CacheDocument {
  version: typeof FORMAT_VERSION;
  tokens: Record<string, Record<string, unknown>>;
}

type ReadOutcome = { document: CacheDocument; writable: boolean; corrupt?: boolean };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function emptyDocument(): CacheDocument {
  return { version: FORMAT_VERSION, tokens: {} };
}

function entryToTokens(entry: unknown): StoredTokens | undefined {
  if (!isObject(entry)) return undefined;
  const text = (name: string) => (typeof entry[name] === 'string' ? (entry[name] as string) : undefined);
  const expiresAt = entry.access_token_expires_at;
  return {
    idToken: text('id_token'),
    accessToken: text('access_token'),
    accessTokenExpiresAt: typeof expiresAt === 'number' ? expiresAt : undefined,
    refreshToken: text('refresh_token'),
    scope: text('scope'),
  };
}

function tokensToEntry(tokens: StoredTokens): CacheEntry {
  return {
    id_token: tokens.idToken,
    access_token: tokens.accessToken,
    access_token_expires_at: tokens.accessTokenExpiresAt,
    refresh_token: tokens.refreshToken,
    scope: tokens.scope,
    updated_at: new Date().toISOString(),
  };
}

/**
 * The token cache file: one JSON document for every issuer and client, so
 * saving one login keeps all the others. Reads tolerate anything (a corrupt
 * file is reported and replaced on the next save); writes go to a 0600 temp
 * file in the same directory and are renamed over the old file, so a reader
 * sees the old or the new document, never half of one. Every read-modify-write
 * happens under `<file>.lock`.
 */
export function createTokenCacheFile(path: string, warn: WarningSink): TokenStore {
  const lockPath = `${path}.lock`;

  const read = async (): Promise<ReadOutcome> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') {
        warn(
          OidcAuthWarningCode.tokenCacheUnavailable,
          `Cannot read the token cache ${path} (${code}); not using it.`,
        );
        return { document: emptyDocument(), writable: false };
      }
      return { document: emptyDocument(), writable: true };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (isObject(parsed) && typeof parsed.version === 'number' && parsed.version > FORMAT_VERSION) {
      warn(
        OidcAuthWarningCode.tokenCacheUnavailable,
        `The token cache ${path} was written by a newer version (format ${parsed.version}); leaving it as is.`,
      );
      return { document: emptyDocument(), writable: false };
    }
    if (!isObject(parsed) || parsed.version !== FORMAT_VERSION || !isObject(parsed.tokens)) {
      warn(
        OidcAuthWarningCode.tokenCacheCorrupt,
        `The token cache ${path} is not a valid token cache (format ${FORMAT_VERSION}); replacing it.`,
      );
      return { document: emptyDocument(), writable: true, corrupt: true };
    }
    const tokens: CacheDocument['tokens'] = {};
    for (const [issuer, clients] of Object.entries(parsed.tokens)) {
      if (isObject(clients)) tokens[issuer] = { ...clients };
    }
    return { document: { version: FORMAT_VERSION, tokens }, writable: true };
  };

  const write = async (document: CacheDocument): Promise<void> => {
    const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
    try {
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(document, null, 2)}\n`);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  };

  const apply = (document: CacheDocument, key: CacheKey, tokens: StoredTokens | null): CacheDocument => {
    const clients = { ...document.tokens[key.issuer] };
    if (tokens === null) delete clients[key.clientId];
    else clients[key.clientId] = tokensToEntry(tokens);
    const next = { ...document.tokens, [key.issuer]: clients };
    if (Object.keys(clients).length === 0) delete next[key.issuer];
    return { version: FORMAT_VERSION, tokens: next };
  };

  return {
    async update(key, step) {
      try {
        await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      } catch (error) {
        warn(
          OidcAuthWarningCode.tokenCacheUnavailable,
          `Cannot create the directory of the token cache ${path} (${(error as NodeJS.ErrnoException).code}); ` +
            'keeping tokens in memory.',
        );
        return (await step(undefined)).result;
      }
      try {
        return await withFileLock(lockPath, async () => {
          const { document, writable, corrupt } = await read();
          const outcome = await step(entryToTokens(document.tokens[key.issuer]?.[key.clientId]));
          // A corrupt file is replaced right away (even with nothing to save), so it is reported once.
          if ((outcome.write !== undefined || corrupt) && writable) {
            const next = outcome.write === undefined ? document : apply(document, key, outcome.write);
            await write(next).catch((error: NodeJS.ErrnoException) => {
              warn(
                OidcAuthWarningCode.tokenCacheUnavailable,
                `Cannot write the token cache ${path} (${error.code ?? error.message}); keeping tokens in memory.`,
              );
            });
          }
          return outcome.result;
        });
      } catch (error) {
        if (!(error instanceof FileLockError)) throw error;
        warn(OidcAuthWarningCode.tokenCacheUnavailable, `${error.message}; keeping tokens in memory.`);
        return (await step(undefined)).result;
      }
    },
  };
}
