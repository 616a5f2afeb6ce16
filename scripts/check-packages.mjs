#!/usr/bin/env node
// Usage: npm run check:packages
// Checks every published package the way npm users will receive it: publint
// (package.json exports, files, types) and Are the Types Wrong? with the
// ESM-only profile (types resolve under node16 ESM and bundlers). Run after build.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { repoRoot } from './lib/paths.mjs';

const attw = join(repoRoot, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');

const packagesDir = join(repoRoot, 'packages');
let failures = 0;
for (const name of readdirSync(packagesDir).sort()) {
  const dir = join(packagesDir, name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  const problems = [];
  const { messages } = await publint({ pkgDir: dir, strict: true, level: 'suggestion' });
  for (const message of messages) problems.push(`publint ${message.type}: ${formatMessage(message, pkg)}`);
  for (const field of ['exports', 'files']) if (!pkg[field]) problems.push(`package.json has no "${field}"`);
  if (pkg.sideEffects !== false) problems.push('package.json must declare "sideEffects": false');
  try {
    execFileSync(process.execPath, [attw, '--pack', dir, '--profile', 'esm-only', '--format', 'ascii'], {
      stdio: 'pipe',
      cwd: repoRoot,
    });
  } catch (error) {
    const output = /** @type {{ stdout?: Buffer }} */ (error).stdout?.toString() ?? String(error);
    problems.push(`attw (esm-only profile):\n${output}`);
  }
  if (problems.length) {
    failures += 1;
    console.error(`✗ ${pkg.name}\n  ${problems.join('\n  ')}`);
  } else {
    console.log(`✓ ${pkg.name}: publint and attw (esm-only) clean`);
  }
}
process.exit(failures ? 1 : 0);
