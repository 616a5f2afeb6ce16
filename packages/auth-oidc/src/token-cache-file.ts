import {
  PrivateFileError,
  PrivateFileErrorCode,
  readPrivateFile,
  withFileLock,
  writePrivateFile,
} from '@ml-platform/core/private-file';
import { OidcAuthError, OidcAuthErrorCode } from './errors.js';
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
 * saving one login keeps all the others. Stored through core's private-file
 * policy: written atomically (a reader sees the old or the new document,
 * never half of one), 0600 in a 0700 directory, and refused when others can
 * read it. Any other problem is a warning, the tokens then kept in memory; a
 * corrupt file is reported and replaced on the next save. Every
 * read-modify-write happens under `<file>.lock`.
 */
export function createTokenCacheFile(path: string, warn: WarningSink): TokenStore {
  const lockPath = `${path}.lock`;

  const read = async (): Promise<ReadOutcome> => {
    let text: string | undefined;
    try {
      text = await readPrivateFile(path, { holds: 'OIDC tokens', field: 'tokenCache' });
    } catch (error) {
      // Core's private-file policy: a file others can read is refused, the same way for every plugin.
      if (error instanceof PrivateFileError && error.code === PrivateFileErrorCode.exposed) {
        throw new OidcAuthError(OidcAuthErrorCode.tokenCacheFile, error.message, { cause: error });
      }
      warn(
        OidcAuthWarningCode.tokenCacheUnavailable,
        `Cannot read the token cache ${path} (${(error as PrivateFileError).message}); not using it.`,
      );
      return { document: emptyDocument(), writable: false };
    }
    if (text === undefined) return { document: emptyDocument(), writable: true };
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

  const write = (document: CacheDocument): Promise<void> =>
    writePrivateFile(path, `${JSON.stringify(document, null, 2)}\n`, {
      holds: 'OIDC tokens',
      field: 'tokenCache',
    });

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
        return await withFileLock(path, async () => {
          const { document, writable, corrupt } = await read();
          const outcome = await step(entryToTokens(document.tokens[key.issuer]?.[key.clientId]));
          // A corrupt file is replaced right away (even with nothing to save), so it is reported once.
          if ((outcome.write !== undefined || corrupt) && writable) {
            const next = outcome.write === undefined ? document : apply(document, key, outcome.write);
            await write(next).catch((error: PrivateFileError) => {
              // A directory others can write to is refused as a readable file is: never written into.
              if (error.code === PrivateFileErrorCode.exposed) {
                throw new OidcAuthError(OidcAuthErrorCode.tokenCacheFile, error.message, { cause: error });
              }
              warn(
                OidcAuthWarningCode.tokenCacheUnavailable,
                `${error.message.replace(/\.$/, '')}; keeping tokens in memory.`,
              );
            });
          }
          return outcome.result;
        });
      } catch (error) {
        // The lock itself could not be had (its directory is missing or read-only, or a live holder kept it).
        if (!(error instanceof PrivateFileError) || error.path !== lockPath) throw error;
        warn(
          OidcAuthWarningCode.tokenCacheUnavailable,
          `${error.message.replace(/\.$/, '')}; keeping tokens in memory.`,
        );
        return (await step(undefined)).result;
      }
    },
  };
}
