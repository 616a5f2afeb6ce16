// specs:update refusing, or having nothing to do, through the CLI in a temporary
// copy of the repository: nothing may be written in any of these cases.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMirrorReleases } from '../lib/update/mirror-releases.mjs';
import { writeMirror } from './helpers/fixture-mirror.ts';
import { pinRelease, readPinIn } from './helpers/pins.ts';
import { makeTempRepo, realMirror, runNode } from './helpers/temp-repo.ts';

const API = 'kfp-v1beta1';
const FILE = 'kfp_api_single_file.swagger.json';
const mirror = realMirror();
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A repository copy with `api` pinned to `version` of the real mirror. */
function repoPinnedTo(api: string, version: string) {
  const repo = makeTempRepo();
  cleanups.push(repo.remove);
  pinRelease(repo.root, mirror, api, version);
  return repo.root;
}

/** A mirror of our own holding the real kfp-v1beta1 files, for tampering with. */
function copyOfKfpV1Mirror(extra: { version: string; from: string }[] = []) {
  const rows = readMirrorReleases(mirror).filter((row) => row.api === API);
  const entries = [
    ...rows.map((row) => ({ ...row, from: row.version })),
    ...extra.map((e) => ({ ...rows[1], ...e })),
  ].map((row) => ({ ...row, bytes: readFileSync(join(mirror, API, row.from, FILE)) }));
  const dir = writeMirror(entries);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Everything specs:update may write: pins, changesets, generated outputs. */
function writable(root: string) {
  return {
    pin: readFileSync(join(root, 'specs', API, 'pin.json'), 'utf8'),
    changesets: readdirSync(join(root, '.changeset')).sort(),
    generated: existsSync(join(root, 'packages', 'kfp-v1', 'openapi')),
  };
}

describe('specs:update refuses', () => {
  it('an overlay fix that no longer matches the new document, naming it, and writes nothing', async () => {
    const root = repoPinnedTo('kfp-v2beta1', '2.16.0');
    writeFileSync(
      join(root, 'specs', 'kfp-v2beta1', 'overlay.yaml'),
      [
        'fixes:',
        '  - id: status-details-items',
        '    patch:',
        '      - { op: test, path: /definitions/googlerpcStatus/type, value: object }',
        '      - { op: add, path: /definitions/googlerpcStatus/x-checked, value: true }',
        '',
      ].join('\n'),
    );
    const pin = readFileSync(join(root, 'specs', 'kfp-v2beta1', 'pin.json'), 'utf8');
    const result = await runNode(root, ['scripts/specs-update.mjs', 'kfp-v2beta1', '2.17.0'], {
      SPECS_MIRROR: mirror,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[SPEC_OVERLAY_MISMATCH]');
    expect(result.stderr).toContain('overlay fix "status-details-items" no longer matches');
    expect(result.stderr).toContain('specs/kfp-v2beta1/overlay.yaml');
    expect(readFileSync(join(root, 'specs', 'kfp-v2beta1', 'pin.json'), 'utf8')).toBe(pin);
    expect(readdirSync(join(root, '.changeset'))).toEqual(['config.json']);
    expect(existsSync(join(root, 'packages', 'kfp-v2', 'openapi'))).toBe(false);
  });

  it('a tampered new release in the mirror (sha256 differs from the README), and writes nothing', async () => {
    const root = repoPinnedTo(API, '2.16.0');
    const tampered = copyOfKfpV1Mirror();
    const file = join(tampered, API, '2.17.0', FILE);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"Kubeflow Pipelines API"', '"Kubeflow Pipelines API!"'),
    );
    const before = writable(root);
    const result = await runNode(root, ['scripts/specs-update.mjs', API, '2.17.0'], {
      SPECS_MIRROR: tampered,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[SPEC_SHA256_MISMATCH]');
    expect(result.stderr).toContain(`${API} 2.17.0: ${file} has sha256`);
    expect(writable(root)).toEqual(before);
  });

  it('a tampered copy of the currently pinned release, and writes nothing', async () => {
    const root = repoPinnedTo(API, '2.16.0');
    const tampered = copyOfKfpV1Mirror();
    writeFileSync(join(tampered, API, '2.16.0', FILE), '{}');
    const before = writable(root);
    const result = await runNode(root, ['scripts/specs-update.mjs', API, '2.17.0'], {
      SPECS_MIRROR: tampered,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[SPEC_SHA256_MISMATCH]');
    expect(result.stderr).toContain('is not the pinned upstream version');
    expect(writable(root)).toEqual(before);
  });

  it('a version the mirror does not know, saying what to do', async () => {
    const root = repoPinnedTo(API, '2.16.0');
    const unknown = copyOfKfpV1Mirror();
    mkdirSync(join(unknown, API, '2.18.0'));
    copyFileSync(join(unknown, API, '2.17.0', FILE), join(unknown, API, '2.18.0', FILE));
    const result = await runNode(root, ['scripts/specs-update.mjs', API, '2.18.0'], {
      SPECS_MIRROR: unknown,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[SPEC_RELEASE_UNKNOWN]');
    expect(result.stderr).toContain('Add the row');
  });

  it('going backwards', async () => {
    const root = repoPinnedTo(API, '2.17.0');
    const result = await runNode(root, ['scripts/specs-update.mjs', API, '2.16.0'], { SPECS_MIRROR: mirror });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[SPEC_VERSION_DOWNGRADE]');
  });

  it('a missing version argument, with the usage and the known APIs', async () => {
    const root = repoPinnedTo(API, '2.17.0');
    const result = await runNode(root, ['scripts/specs-update.mjs', API], { SPECS_MIRROR: mirror });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run specs:update -- <api> <version>');
    expect(result.stderr).toContain('kfp-v1beta1, kfp-v2beta1, seldon-deploy-v1alpha1');
  });
});

describe('specs:update writes no changeset', () => {
  it('when the new release has the same document: only the pin moves', async () => {
    const root = repoPinnedTo(API, '2.17.0');
    const same = copyOfKfpV1Mirror([{ version: '2.17.1', from: '2.17.0' }]);
    const result = await runNode(root, ['scripts/specs-update.mjs', API, '2.17.1'], { SPECS_MIRROR: same });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '2.17.0 -> 2.17.1 changes nothing users of the package see; pin moved, no changeset',
    );
    expect(readPinIn(root, API).upstream.tag).toBe('2.17.1');
    expect(readdirSync(join(root, '.changeset'))).toEqual(['config.json']);
  });

  it('with --dry-run: prints the report, writes nothing', async () => {
    const root = repoPinnedTo(API, '2.16.0');
    const before = writable(root);
    const result = await runNode(root, ['scripts/specs-update.mjs', API, '2.17.0', '--dry-run'], {
      SPECS_MIRROR: mirror,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('major: schema `googlerpcStatus` renamed to `googleRpcStatus`');
    expect(result.stdout).toContain('dry run, nothing written (bump: minor)');
    expect(writable(root)).toEqual(before);
  });
});
