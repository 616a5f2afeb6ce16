// Regenerates an API package's generated code (openapi.json and types, or protobuf-es) with scripts/generate.mjs,
// the same command the package's `generate` script runs (without turbo: one API).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { SpecUpdateError } from './errors.mjs';

/** @param {string} api @param {string} packageDir @returns {string} the generator's output */
export function regenerate(api, packageDir) {
  try {
    return execFileSync(process.execPath, [join(repoRoot, 'scripts', 'generate.mjs'), api, packageDir], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (error) {
    const stderr = /** @type {{ stderr?: string }} */ (error).stderr?.trim();
    throw new SpecUpdateError(
      'SPEC_REGENERATE_FAILED',
      `${api}: \`node scripts/generate.mjs ${api} ${packageDir}\` failed: ${stderr || String(error)}. The pin and ` +
        'changeset are written; fix the generator and run `npm run generate`.',
      { cause: error },
    );
  }
}
