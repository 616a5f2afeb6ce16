/**
 * `@ml-platform/core/files` on real files, symlinks, a FIFO, devices and
 * /proc: only a regular file within the limit is read, everything else is a
 * coded ConfigError naming the file and the field, and nothing blocks.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@ml-platform/core';
import {
  MAX_NAMED_FILE_BYTES,
  NamedFileError,
  NamedFileErrorCode,
  type NamedFileOptions,
  readNamedFile,
  readNamedFileSync,
  readNamedTextFile,
} from '@ml-platform/core/files';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'named-file-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const field: NamedFileOptions = {
  field: 'certificate-authority',
  source: 'kubeconfig config, cluster "prod"',
};

/** Both readers, so every case holds for the synchronous one too. */
const readers = [
  ['readNamedFile', (path: string, options: NamedFileOptions) => readNamedFile(path, options)],
  ['readNamedFileSync', async (path: string, options: NamedFileOptions) => readNamedFileSync(path, options)],
] as const;

async function refusal(read: Promise<unknown>): Promise<NamedFileError> {
  const error = await read.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(NamedFileError);
  expect(error).toBeInstanceOf(ConfigError);
  return error as NamedFileError;
}

describe.each(readers)('%s', (_name, read) => {
  it('returns the bytes of a regular file, through a symlink too', async () => {
    const path = join(directory, 'ca.crt');
    await writeFile(path, 'pem bytes\n');
    await symlink(path, join(directory, 'link'));
    expect(new TextDecoder().decode(await read(path, field))).toBe('pem bytes\n');
    expect(new TextDecoder().decode(await read(join(directory, 'link'), field))).toBe('pem bytes\n');
  });

  it('reads an empty file as no bytes, and a file of exactly the limit', async () => {
    await writeFile(join(directory, 'empty'), '');
    expect((await read(join(directory, 'empty'), field)).length).toBe(0);
    await writeFile(join(directory, 'full'), Buffer.alloc(MAX_NAMED_FILE_BYTES, 1));
    expect((await read(join(directory, 'full'), field)).length).toBe(MAX_NAMED_FILE_BYTES);
  });

  it('refuses a file over the limit with FILE_TOO_LARGE, naming file, field and source', async () => {
    const path = join(directory, 'big');
    await writeFile(path, Buffer.alloc(MAX_NAMED_FILE_BYTES + 1, 1));
    const error = await refusal(read(path, field));
    expect(error.code).toBe(NamedFileErrorCode.tooLarge);
    expect(error.path).toBe(path);
    expect(error.field).toBe('certificate-authority');
    expect(error.message).toContain(path);
    expect(error.message).toContain('certificate-authority (kubeconfig config, cluster "prod")');
    expect(error.message).toContain(String(MAX_NAMED_FILE_BYTES));
    await writeFile(path, 'twelve bytes');
    expect((await refusal(read(path, { field: 'tokenFile', maxBytes: 11 }))).code).toBe('FILE_TOO_LARGE');
    expect((await read(path, { field: 'tokenFile', maxBytes: 12 })).length).toBe(12);
  });

  it('finds a file that states no size too large by reading one byte past the limit (/proc)', async () => {
    // /proc files are regular files whose stat says 0 bytes.
    const error = await refusal(read('/proc/self/status', { field: 'tokenFile', maxBytes: 16 }));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect((await read('/proc/self/status', { field: 'tokenFile' })).length).toBeGreaterThan(16);
  });

  it('refuses /dev/zero as a device, without reading it', async () => {
    const error = await refusal(read('/dev/zero', field));
    expect(error.code).toBe(NamedFileErrorCode.notRegular);
    expect(error.message).toContain('/dev/zero');
    expect(error.message).toContain('a device');
  });

  it('refuses a FIFO with no writer at once instead of blocking', async () => {
    const fifo = join(directory, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const error = await refusal(read(fifo, { field: 'tokenFile' }));
    expect(error.code).toBe('FILE_NOT_REGULAR');
    expect(error.message).toContain('FIFO');
    expect(error.message).toContain('tokenFile');
  });

  it('refuses a directory with FILE_NOT_REGULAR', async () => {
    await mkdir(join(directory, 'dir'));
    expect((await refusal(read(join(directory, 'dir'), field))).code).toBe('FILE_NOT_REGULAR');
  });

  it('says FILE_NOT_FOUND for a missing file, a dangling symlink and a path through a file', async () => {
    await symlink(join(directory, 'nowhere'), join(directory, 'dangling'));
    await writeFile(join(directory, 'plain'), 'x');
    for (const path of [
      join(directory, 'missing'),
      join(directory, 'dangling'),
      join(directory, 'plain', 'x'),
    ]) {
      const error = await refusal(read(path, { field: 'KF_PIPELINES_SA_TOKEN_PATH' }));
      expect(error.code).toBe(NamedFileErrorCode.notFound);
      expect(error.message).toContain(path);
      expect(error.message).toContain('KF_PIPELINES_SA_TOKEN_PATH');
      expect(error.source).toBeUndefined();
    }
  });

  it('says FILE_UNREADABLE for a symlink loop, keeping the system error as cause', async () => {
    await symlink(join(directory, 'b'), join(directory, 'a'));
    await symlink(join(directory, 'a'), join(directory, 'b'));
    const error = await refusal(read(join(directory, 'a'), field));
    expect(error.code).toBe(NamedFileErrorCode.unreadable);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ELOOP');
  });
});

describe('readNamedTextFile', () => {
  it('decodes UTF-8, dropping a byte-order mark', async () => {
    const path = join(directory, 'token');
    await writeFile(path, '\uFEFFjeton-é\n');
    expect(await readNamedTextFile(path, { field: 'tokenFile' })).toBe('jeton-é\n');
  });

  it('stops when the signal is aborted, with the signal reason', async () => {
    const path = join(directory, 'token');
    await writeFile(path, 'x');
    const reason = new Error('stop');
    await expect(
      readNamedTextFile(path, { field: 'tokenFile', signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
  });
});
