// The workspace package an API is generated into, found by the name in its pin.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { SpecUpdateError } from './errors.mjs';

/** @param {string} packageName @returns {{ dir: string, relativeDir: string, version: string }} */
export function findWorkspacePackage(packageName) {
  const packagesDir = join(repoRoot, 'packages');
  const dirs = existsSync(packagesDir) ? readdirSync(packagesDir).map((name) => join(packagesDir, name)) : [];
  for (const dir of dirs) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (name === packageName) return { dir, relativeDir: relative(repoRoot, dir), version };
  }
  throw new SpecUpdateError(
    'SPEC_PACKAGE_NOT_FOUND',
    `No packages/*/package.json is named "${packageName}" (the "package" of the pin). Fix the pin's "package" ` +
      'or create the package.',
  );
}
