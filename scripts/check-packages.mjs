#!/usr/bin/env node
// Usage: npm run check:packages
// Checks every published package the way npm users will receive it, after build:
// - publint (package.json exports, files, types) and Are the Types Wrong? with
//   the ESM-only profile (types resolve under node16 ESM and bundlers);
// - the metadata npm shows: homepage, bugs, repository.directory, keywords;
// - the tarball, as `npm pack --dry-run --json` lists it (the files `npm
//   publish` uploads; `--provenance` needs CI's OIDC token, so it cannot run
//   here): LICENSE and README present, no test file, no source map pointing
//   outside the tarball. Its files are printed;
// - the release: `changeset version` in a temporary copy gives every package
//   about to be released a version and a CHANGELOG.md naming it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { dryRunChangesetVersion } from './lib/first-changelogs.mjs';
import { repoRoot } from './lib/paths.mjs';
import { tarballProblems } from './lib/tarball-check.mjs';

const attw = join(repoRoot, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');

const packagesDir = join(repoRoot, 'packages');
const published = readdirSync(packagesDir)
  .sort()
  .map((name) => ({ dir: join(packagesDir, name), relativeDir: `packages/${name}` }))
  .map((entry) => ({ ...entry, pkg: JSON.parse(readFileSync(join(entry.dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private);

const tarballs = packDryRun(published.map(({ relativeDir }) => relativeDir));
const releases = new Map(dryRunChangesetVersion(repoRoot).map((release) => [release.name, release]));

let failures = 0;
for (const { dir, relativeDir, pkg } of published) {
  const problems = [];
  const { messages } = await publint({ pkgDir: dir, strict: true, level: 'suggestion' });
  for (const message of messages) problems.push(`publint ${message.type}: ${formatMessage(message, pkg)}`);
  for (const field of ['exports', 'files']) if (!pkg[field]) problems.push(`package.json has no "${field}"`);
  if (pkg.sideEffects !== false) problems.push('package.json must declare "sideEffects": false');
  problems.push(...metadataProblems(pkg, relativeDir));
  try {
    execFileSync(process.execPath, [attw, '--pack', dir, '--profile', 'esm-only', '--format', 'ascii'], {
      stdio: 'pipe',
      cwd: repoRoot,
    });
  } catch (error) {
    const output = /** @type {{ stdout?: Buffer }} */ (error).stdout?.toString() ?? String(error);
    problems.push(`attw (esm-only profile):\n${output}`);
  }
  const files = tarballs.get(pkg.name);
  if (files) problems.push(...tarballProblems(dir, files).map((problem) => `tarball: ${problem}`));
  else problems.push('npm pack --dry-run listed no tarball for it');
  const release = releases.get(pkg.name);
  problems.push(
    ...(release?.problems ?? ['changeset version did not see it']).map((problem) => `release: ${problem}`),
  );

  if (problems.length) {
    failures += 1;
    console.error(`✗ ${pkg.name}\n  ${problems.join('\n  ')}`);
  } else {
    const next =
      release && release.to !== release.from ? `, next release ${release.to} with its CHANGELOG.md` : '';
    console.log(`✓ ${pkg.name}: publint, attw (esm-only), metadata and tarball clean${next}`);
  }
  if (files) console.log(`  ${files.length} files: ${files.join(' ')}`);
}
process.exit(failures ? 1 : 0);

/** The file lists of the packages' tarballs, from one `npm pack --dry-run` over all of them. */
function packDryRun(/** @type {string[]} */ workspaces) {
  const output = execFileSync(
    'npm',
    ['pack', '--dry-run', '--json', '--ignore-scripts', ...workspaces.map((dir) => `--workspace=${dir}`)],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  const reports = /** @type {{ name: string, files: { path: string }[] }[]} */ (JSON.parse(output));
  return new Map(reports.map((report) => [report.name, report.files.map((file) => file.path)]));
}

/** What npm shows on the package's page and uses to find it. */
function metadataProblems(/** @type {any} */ pkg, /** @type {string} */ relativeDir) {
  const problems = [];
  if (pkg.repository?.directory !== relativeDir) {
    problems.push(
      `package.json repository.directory must be "${relativeDir}", got ${JSON.stringify(pkg.repository?.directory)}`,
    );
  }
  if (typeof pkg.homepage !== 'string' || !pkg.homepage.includes(`/${relativeDir}`)) {
    problems.push(`package.json homepage must link to its README (…/tree/main/${relativeDir}#readme)`);
  }
  if (typeof pkg.bugs?.url !== 'string' && typeof pkg.bugs !== 'string')
    problems.push('package.json has no "bugs" URL');
  if (!Array.isArray(pkg.keywords) || pkg.keywords.length === 0)
    problems.push('package.json has no "keywords"');
  return problems;
}
