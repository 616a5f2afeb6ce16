import { stat } from 'node:fs/promises';
import { readNamedTextFile } from '@ml-platform/core/files';
import { KubeconfigAuthError, KubeconfigAuthErrorCode } from '../errors.js';

/** A bearer token is a line of visible ASCII; a file holding more than this is not a token file. */
const MAX_TOKEN_BYTES = 64 * 1024;
const TOKEN = /^[\x21-\x7e]+$/;

export interface TokenFileRead {
  readonly token: string;
  /** Identity of the file read (inode, size, change time): a different one means the file was replaced or rewritten. */
  readonly identity: string;
}

/** The identity `stat` gives now, or undefined when the file cannot be stat'ed (the next read reports why). */
export async function tokenFileIdentity(path: string): Promise<string | undefined> {
  try {
    return identityOf(await stat(path));
  } catch {
    return undefined;
  }
}

/** Reads a user's `tokenFile`, as client-go's file token source does, trimmed of surrounding whitespace. */
export async function readTokenFile(path: string, user: string, file: string): Promise<TokenFileRead> {
  const source = `kubeconfig ${file}, user "${user}"`;
  const fail = (why: string, cause?: unknown) =>
    new KubeconfigAuthError(
      KubeconfigAuthErrorCode.tokenFile,
      user,
      `The tokenFile ${path} of kubeconfig user "${user}" ${why}. The request was not sent.`,
      cause === undefined ? undefined : { cause },
    );
  let before: Awaited<ReturnType<typeof stat>>;
  let text: string;
  try {
    before = await stat(path);
    // Core's reader refuses a FIFO or device without waiting on it, and reads at most MAX_TOKEN_BYTES + 1.
    text = await readNamedTextFile(path, { field: 'tokenFile', source, maxBytes: MAX_TOKEN_BYTES });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw fail(code === 'ENOENT' ? 'does not exist' : `cannot be used: ${(error as Error).message}`, error);
  }
  const token = text.trim();
  if (token === '') throw fail('is empty');
  if (!TOKEN.test(token))
    throw fail('holds something that is not a bearer token (spaces, line breaks or control characters)');
  return { token, identity: identityOf(before) };
}

function identityOf(stats: {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}
