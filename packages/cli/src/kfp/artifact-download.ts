import { createWriteStream } from 'node:fs';
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

/**
 * One path segment from a server-given name, or an error: names come from the
 * server (ML Metadata, the tar the UI server builds) and are not trusted. No
 * empty, `.` or `..` segment, no separators, no NUL or control characters.
 */
function safeSegments(name: string): string[] {
  const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.');
  const bad = segments.find(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
    (segment) => segment === '..' || segment.includes('\\') || /[\u0000-\u001f]/.test(segment),
  );
  if (segments.length === 0 || bad !== undefined || isAbsolute(name)) {
    throw new CliError(
      CliErrorCode.usage,
      `Refusing to write ${JSON.stringify(name)}: an artifact name from the server that is empty, absolute or ` +
        'climbs out of the download directory.',
      ExitCode.usage,
    );
  }
  return segments;
}

/**
 * Where `name` goes below `root`: checked against `..`, absolute names and
 * symlinks already on the path, so nothing is ever written outside `root`.
 */
export async function targetBelow(root: string, name: string): Promise<string> {
  const base = await realpath(root);
  const target = resolve(base, ...safeSegments(name));
  const inside = relative(base, target);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new CliError(
      CliErrorCode.usage,
      `Refusing to write ${JSON.stringify(name)} outside ${root}.`,
      ExitCode.usage,
    );
  }
  // Each directory on the way must be a real directory, not a symlink planted to lead elsewhere.
  let current = base;
  for (const part of inside.split(sep).slice(0, -1)) {
    current = join(current, part);
    const info = await lstat(current).catch(() => undefined);
    if (info?.isSymbolicLink()) {
      throw new CliError(
        CliErrorCode.usage,
        `Refusing to write through the symbolic link ${current}.`,
        ExitCode.usage,
      );
    }
  }
  return target;
}

/** Writes `body` to `root/name` (a new file; never follows or replaces one), returning the bytes written. */
export async function writeBelow(
  root: string,
  name: string,
  body: ReadableStream<Uint8Array>,
): Promise<number> {
  const target = await targetBelow(root, name);
  await mkdir(dirname(target), { recursive: true });
  let bytes = 0;
  const counted = Readable.fromWeb(body as NodeReadableStream<Uint8Array>).on('data', (chunk: Buffer) => {
    bytes += chunk.byteLength;
  });
  try {
    await pipeline(counted, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    throw new CliError(
      CliErrorCode.usage,
      `${target} already exists: download into an empty directory (nothing is overwritten).`,
      ExitCode.usage,
      { cause: error },
    );
  }
  return bytes;
}
