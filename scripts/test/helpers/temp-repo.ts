// A throwaway copy of just what specs:update and specs:check need: the root and
// package manifests and lockfile, .changeset/config.json, specs/ (pins and overlays, no cache)
// and scripts/ (without the tests). node_modules is linked, not copied. The
// copied scripts resolve the repository root from their own location, so they
// read and write the copy only.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const realRepo = resolve(fileURLToPath(import.meta.url), '../../../..');

/** The real mirror of upstream documents: SPECS_MIRROR, or ../shared/specs beside the repository. */
export function realMirror(): string {
  const mirror = process.env.SPECS_MIRROR
    ? resolve(process.env.SPECS_MIRROR)
    : resolve(realRepo, '..', 'shared', 'specs');
  if (!existsSync(join(mirror, 'README.md'))) {
    throw new Error(`These tests need the upstream mirror: ${mirror} is missing. Set SPECS_MIRROR to it.`);
  }
  return mirror;
}

export function makeTempRepo(): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'specs-update-'));
  cpSync(join(realRepo, 'package.json'), join(root, 'package.json'));
  // @changesets/cli 3 finds the workspace packages through the package manager its lockfile names.
  cpSync(join(realRepo, 'package-lock.json'), join(root, 'package-lock.json'));
  mkdirSync(join(root, '.changeset'));
  cpSync(join(realRepo, '.changeset', 'config.json'), join(root, '.changeset', 'config.json'));
  cpSync(join(realRepo, 'specs'), join(root, 'specs'), {
    recursive: true,
    filter: (source) => !source.includes(`${sep}.cache`),
  });
  cpSync(join(realRepo, 'scripts'), join(root, 'scripts'), {
    recursive: true,
    filter: (source) => !source.startsWith(join(realRepo, 'scripts', 'test')),
  });
  for (const name of readdirSync(join(realRepo, 'packages'))) {
    const manifest = join(realRepo, 'packages', name, 'package.json');
    if (!existsSync(manifest)) continue;
    mkdirSync(join(root, 'packages', name), { recursive: true });
    cpSync(manifest, join(root, 'packages', name, 'package.json'));
  }
  symlinkSync(join(realRepo, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export type RunResult = { code: number; stdout: string; stderr: string };

/** Runs `node <script> ...args` in `cwd` (asynchronously: a test's local HTTP server keeps answering). */
export function runNode(
  cwd: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      args,
      { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
