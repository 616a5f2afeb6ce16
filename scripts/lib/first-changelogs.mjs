// Runs `changeset version` in a temporary copy of the repository's package
// manifests and changesets, and reports what the release would write: each
// published package's new version and whether its CHANGELOG.md names it.
// The repository itself is not touched.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * @param {string} repoRoot
 * @returns {{ name: string, dir: string, from: string, to: string, problems: string[] }[]}
 */
export function dryRunChangesetVersion(repoRoot) {
  const copy = mkdtempSync(join(tmpdir(), 'mlp-changeset-version-'));
  try {
    const rootPkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    cpSync(join(repoRoot, 'package.json'), join(copy, 'package.json'));
    // @changesets/cli 3 (through @manypkg) recognises an npm workspace only beside its package-lock.json.
    cpSync(join(repoRoot, 'package-lock.json'), join(copy, 'package-lock.json'));
    cpSync(join(repoRoot, '.changeset'), join(copy, '.changeset'), { recursive: true });
    const manifests = workspaceManifests(repoRoot, rootPkg.workspaces);
    for (const manifest of manifests) {
      mkdirSync(dirname(join(copy, manifest)), { recursive: true });
      cpSync(join(repoRoot, manifest), join(copy, manifest));
      const changelog = join(dirname(manifest), 'CHANGELOG.md');
      if (existsSync(join(repoRoot, changelog))) cpSync(join(repoRoot, changelog), join(copy, changelog));
    }
    const before = new Map(manifests.map((manifest) => [manifest, readJson(join(copy, manifest))]));
    const changesetBin = join(repoRoot, 'node_modules', '@changesets', 'cli', 'bin.js');
    execFileSync(process.execPath, [changesetBin, 'version'], { cwd: copy, stdio: 'pipe' });
    return [...before]
      .filter(([, pkg]) => !pkg.private)
      .map(([manifest, pkg]) => {
        const dir = dirname(manifest);
        const after = readJson(join(copy, manifest));
        const changelogPath = join(copy, dir, 'CHANGELOG.md');
        const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined;
        const released = existsSync(join(repoRoot, dir, 'CHANGELOG.md'));
        const problems = [];
        if (after.version === pkg.version) {
          // Nothing pending is fine once a package has been released; before that it would ship without a CHANGELOG.
          if (!released)
            problems.push(
              `no pending changeset names it, so its first release (${pkg.version}) gets no CHANGELOG.md`,
            );
        } else if (changelog === undefined) problems.push('changeset version wrote no CHANGELOG.md');
        else {
          if (!changelog.startsWith(`# ${pkg.name}\n`))
            problems.push(`CHANGELOG.md does not start with "# ${pkg.name}"`);
          if (!changelog.includes(`\n## ${after.version}\n`))
            problems.push(`CHANGELOG.md has no "## ${after.version}" section`);
        }
        return { name: pkg.name, dir, from: pkg.version, to: after.version, problems };
      });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** `packages/x/package.json` for every workspace (only `dir/*` and plain `dir` patterns are used here). */
function workspaceManifests(repoRoot, /** @type {string[]} */ workspaces) {
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*'))
      return existsSync(join(repoRoot, pattern, 'package.json')) ? [`${pattern}/package.json`] : [];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(repoRoot, parent))
      .filter((name) => existsSync(join(repoRoot, parent, name, 'package.json')))
      .map((name) => `${parent}/${name}/package.json`);
  });
}

function readJson(/** @type {string} */ file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
