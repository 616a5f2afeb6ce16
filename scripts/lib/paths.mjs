// Where things live in the repository, so every script agrees.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const specsDir = join(repoRoot, 'specs');
export const specsCacheDir = join(specsDir, '.cache');

/**
 * The mirror of upstream documents, laid out `<api>/<version>/<file>`:
 * `SPECS_MIRROR` when set, else `../shared/specs` beside the repository when it
 * exists, else none (download from upstream). A relative `SPECS_MIRROR` is
 * relative to the repository root, not to the working directory: turbo runs
 * `generate` inside each package, where `../shared/specs` would point elsewhere.
 */
export function mirrorDir(env = process.env) {
  if (env.SPECS_MIRROR) return resolve(repoRoot, env.SPECS_MIRROR);
  const beside = resolve(repoRoot, '..', 'shared', 'specs');
  return existsSync(beside) ? beside : undefined;
}
