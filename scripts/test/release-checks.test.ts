// The release checks of `npm run check:packages`: what a tarball must hold and
// must not, and what `changeset version` would write, on real files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dryRunChangesetVersion } from '../lib/first-changelogs.mjs';
import { tarballProblems } from '../lib/tarball-check.mjs';
import { makeTempRepo } from './helpers/temp-repo.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function packageDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tarball-check-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('tarballProblems', () => {
  it('passes a tarball with LICENSE, README and maps whose sources it holds', () => {
    const files = {
      LICENSE: 'Apache-2.0',
      'README.md': '# x',
      'package.json': '{}',
      'dist/index.js': '',
      'dist/index.js.map': JSON.stringify({ version: 3, sources: ['../src/index.ts'] }),
      'src/index.ts': '',
    };
    expect(tarballProblems(packageDir(files), Object.keys(files))).toEqual([]);
  });

  it('names a missing LICENSE and README, test files, and maps pointing outside the tarball', () => {
    const files = {
      'package.json': '{}',
      'dist/index.js': '',
      'dist/index.js.map': JSON.stringify({
        version: 3,
        sources: ['../src/index.ts', 'file:///home/me/x.ts'],
      }),
      'dist/index.test.js': '',
      'test/fixtures/a.json': '{}',
    };
    expect(tarballProblems(packageDir(files), Object.keys(files))).toEqual([
      'the tarball has no LICENSE',
      'the tarball has no README.md',
      'the tarball holds a test file: dist/index.test.js',
      'the tarball holds a test file: test/fixtures/a.json',
      'dist/index.js.map points at ../src/index.ts, which the tarball does not hold (src/index.ts)',
      'dist/index.js.map names a source outside the tarball: file:///home/me/x.ts',
    ]);
  });

  it('names a map that is not JSON', () => {
    const files = { LICENSE: '', 'README.md': '', 'package.json': '{}', 'dist/a.js.map': '{' };
    expect(tarballProblems(packageDir(files), Object.keys(files))).toEqual([
      expect.stringMatching(/^dist\/a\.js\.map is not a readable source map: /),
    ]);
  });
});

describe('dryRunChangesetVersion', () => {
  it('gives a first CHANGELOG to every package a changeset names, and flags an unreleased package none names', () => {
    const repo = makeTempRepo();
    cleanups.push(repo.remove);
    writeFileSync(
      join(repo.root, '.changeset', 'first.md'),
      '---\n"@ml-platform/seldon-deploy-v1alpha1": minor\n---\n\nFirst release of the Seldon client.\n',
    );
    // A package released before (it has a CHANGELOG) needs no pending changeset.
    writeFileSync(join(repo.root, 'packages', 'auth-oidc', 'CHANGELOG.md'), '# @ml-platform/auth-oidc\n');

    const releases = new Map(dryRunChangesetVersion(repo.root).map((release) => [release.name, release]));

    expect(releases.get('@ml-platform/seldon-deploy-v1alpha1')).toMatchObject({
      from: '0.1.0',
      to: '0.2.0',
      problems: [],
    });
    expect(releases.get('@ml-platform/auth-oidc')).toMatchObject({ to: '0.1.0', problems: [] });
    expect(releases.get('@ml-platform/kfp-v2')?.problems).toEqual([
      'no pending changeset names it, so its first release (0.1.0) gets no CHANGELOG.md',
    ]);
    expect(releases.has('@ml-platform/testbed')).toBe(false);
  });
});
