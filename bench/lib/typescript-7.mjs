// TypeScript 7 for the type-check comparison, installed on demand into a temp
// dir (never a project dependency: openapi-typescript crashes with it
// installed). Reused across runs while the temp dir lasts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = join(tmpdir(), 'ml-platform-bench-ts7');
const TSC = join(DIR, 'node_modules', 'typescript', 'bin', 'tsc');

function installedVersion() {
  const manifest = join(DIR, 'node_modules', 'typescript', 'package.json');
  return existsSync(manifest) && existsSync(TSC)
    ? JSON.parse(readFileSync(manifest, 'utf8')).version
    : undefined;
}

/** @returns {{ tsc: string, version: string } | { notAvailable: string }} */
export function ensureTypeScript7() {
  let version = installedVersion();
  if (!version?.startsWith('7.')) {
    mkdirSync(DIR, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const args = [
      'install',
      '--prefix',
      DIR,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      'typescript@7',
    ];
    const result = spawnSync(npm, args, { encoding: 'utf8', timeout: 180_000 });
    version = installedVersion();
    if (result.status !== 0 || !version?.startsWith('7.')) {
      const why = (result.stderr || result.error?.message || 'no output')
        .trim()
        .split('\n')
        .slice(-2)
        .join(' ');
      return { notAvailable: `not available: npm install typescript@7 failed (${why})` };
    }
  }
  return { tsc: TSC, version };
}
