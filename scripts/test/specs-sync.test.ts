/**
 * `npm run specs:sync`: upstream bytes are accepted only when their sha256 is
 * the pin's. Run as the CLI in a temporary copy of the repository, so the real
 * cache is never touched and nothing beside the copy acts as a mirror.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedSpecs = resolve(repoRoot, '..', 'shared', 'specs');
const API = 'kfp-v2beta1';
const pin = JSON.parse(readFileSync(join(repoRoot, 'specs', API, 'pin.json'), 'utf8'));
const fileName = 'kfp_api_single_file.swagger.json';

let work: string;
let repoCopy: string;

beforeEach(() => {
  // <work>/repo is the copy; nothing named <work>/shared exists, so no mirror is found by default.
  work = mkdtempSync(join(tmpdir(), 'specs-sync-'));
  repoCopy = join(work, 'repo');
  mkdirSync(repoCopy);
  cpSync(join(repoRoot, 'scripts'), join(repoCopy, 'scripts'), {
    recursive: true,
    filter: (src) => !src.includes('/test'),
  });
  cpSync(join(repoRoot, 'specs'), join(repoCopy, 'specs'), {
    recursive: true,
    filter: (src) => !src.includes('.cache'),
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(repoCopy, 'node_modules'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function makeMirror(bytes: Buffer): string {
  const mirror = join(work, 'mirror');
  mkdirSync(join(mirror, API, pin.upstream.tag), { recursive: true });
  writeFileSync(join(mirror, API, pin.upstream.tag, fileName), bytes);
  return mirror;
}

async function sync(env: Record<string, string | undefined>, cwd = repoCopy) {
  const { SPECS_MIRROR: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repoCopy, 'scripts/specs-sync.mjs'), API], {
      cwd,
      env: { ...inherited, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('specs:sync', () => {
  const original = readFileSync(join(sharedSpecs, API, pin.upstream.tag, fileName));

  it('copies the pinned file from SPECS_MIRROR into specs/.cache when its sha256 matches', async () => {
    const result = await sync({ SPECS_MIRROR: makeMirror(original) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${API} ${pin.upstream.tag}: from `);
    expect(readFileSync(join(repoCopy, 'specs', '.cache', API, pin.upstream.tag, fileName))).toEqual(
      original,
    );
  });

  it('reads a relative SPECS_MIRROR from the repository root, wherever it runs (turbo runs it in a package)', async () => {
    makeMirror(original);
    const packageDir = join(repoCopy, 'packages', 'kfp-v2');
    mkdirSync(packageDir, { recursive: true });
    const result = await sync({ SPECS_MIRROR: '../mirror' }, packageDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`from ${join(work, 'mirror', API, pin.upstream.tag, fileName)}`);
  });

  it('refuses a tampered byte, naming the API, the source and both hashes', async () => {
    const tampered = Buffer.from(original);
    tampered[100] = tampered[100] === 0x20 ? 0x09 : 0x20;
    const mirror = makeMirror(tampered);
    const result = await sync({ SPECS_MIRROR: mirror });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${API}: sha256 mismatch for ${join(mirror, API, pin.upstream.tag, fileName)}`,
    );
    expect(result.stderr).toContain(`expected ${pin.sha256}`);
    expect(result.stderr).toMatch(/got [0-9a-f]{64}\./);
    expect(result.stderr).not.toContain(`got ${pin.sha256}`);
  });

  it('says where the mirror must be laid out when the file is missing from it', async () => {
    const result = await sync({ SPECS_MIRROR: join(work, 'empty-mirror') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not exist.*<api>\/<version>\/<file>/);
  });

  it('without a mirror and without network, tells the user to set SPECS_MIRROR', async () => {
    // No mirror is given or found beside the copy, so it downloads. A preloaded module makes fetch fail the
    // way Node's does when DNS is unreachable (what this sandbox and CI do for real), so the test does not
    // depend on the machine's network.
    const loader = join(work, 'no-network.mjs');
    writeFileSync(
      loader,
      "globalThis.fetch = async () => { throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND raw.githubusercontent.com'), { code: 'ENOTFOUND' }) }); };\n",
    );
    const result = await sync({ NODE_OPTIONS: `--import ${loader}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${API}: could not download https://raw.githubusercontent.com/kubeflow/pipelines/${pin.upstream.commit}/`,
    );
    expect(result.stderr).toContain('(ENOTFOUND)');
    expect(result.stderr).toContain('set SPECS_MIRROR');
  });
});
