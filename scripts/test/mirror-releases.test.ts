// Releases from a local mirror: version listing, the version -> commit mapping
// from the mirror's README table, and refusal of a file that does not match it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMirrorSource, readMirrorReleases } from '../lib/update/mirror-releases.mjs';
import { writeMirror } from './helpers/fixture-mirror.ts';
import { realMirror } from './helpers/temp-repo.ts';

const pin = {
  api: 'pets-v1',
  package: '@example/pets',
  upstream: {
    repo: 'acme/pets',
    tag: '1.0.0',
    commit: 'a'.repeat(40),
    path: 'api/pets.swagger.json',
    license: 'MIT',
  },
  sha256: '0'.repeat(64),
};
const entry = (version: string, commit: string, bytes: string) => ({
  api: 'pets-v1',
  version,
  repo: 'acme/pets',
  path: 'api/pets.swagger.json',
  commit,
  bytes,
});

let mirror: string | undefined;
afterEach(() => {
  if (mirror) rmSync(mirror, { recursive: true, force: true });
  mirror = undefined;
});

describe('mirror releases', () => {
  it('reads the real mirror README: each version with its upstream commit', () => {
    const rows = readMirrorReleases(realMirror());
    expect(rows).toContainEqual({
      api: 'kfp-v2beta1',
      version: '2.16.0',
      repo: 'kubeflow/pipelines',
      path: 'backend/api/v2beta1/swagger/kfp_api_single_file.swagger.json',
      commit: 'e4ebca310f404dac306e16bc880de12bbbf63b95',
      sha256: '6c7a3418809af412db2ac3d3dfd6697a012f85e6ef06e17777a1e34277edd39c',
    });
    expect(rows.filter((row) => row.api === 'seldon-deploy-v1alpha1').map((row) => row.version)).toEqual([
      '2.3.1',
      '2.4.0',
    ]);
  });

  it('lists the version directories of an API, ignoring anything else', async () => {
    mirror = writeMirror([entry('1.0.0', 'a'.repeat(40), '{}'), entry('1.1.0', 'b'.repeat(40), '{"a":1}')]);
    mkdirSync(join(mirror, 'pets-v1', 'notes'));
    const versions = await createMirrorSource(mirror).listVersions(pin);
    expect(versions.sort()).toEqual(['1.0.0', '1.1.0']);
  });

  it('fetches a release with its commit from the README and the verified bytes', async () => {
    mirror = writeMirror([entry('1.0.0', 'a'.repeat(40), '{}'), entry('1.1.0', 'b'.repeat(40), '{"a":1}')]);
    const release = await createMirrorSource(mirror).fetchRelease(pin, '1.1.0');
    expect(release.upstream).toEqual({ ...pin.upstream, tag: '1.1.0', commit: 'b'.repeat(40) });
    expect(Buffer.from(release.bytes).toString()).toBe('{"a":1}');
  });

  it('refuses a mirrored file whose sha256 differs from the README (tampered)', async () => {
    mirror = writeMirror([entry('1.1.0', 'b'.repeat(40), '{"a":1}')]);
    writeFileSync(join(mirror, 'pets-v1', '1.1.0', 'pets.swagger.json'), '{"a":2}');
    await expect(createMirrorSource(mirror).fetchRelease(pin, '1.1.0')).rejects.toMatchObject({
      code: 'SPEC_SHA256_MISMATCH',
      message: expect.stringContaining('Re-copy it from acme/pets@bbbb'),
    });
  });

  it('names the fix when a version has no README row (its commit is unknown)', async () => {
    mirror = writeMirror([entry('1.0.0', 'a'.repeat(40), '{}')]);
    mkdirSync(join(mirror, 'pets-v1', '1.2.0'));
    await expect(createMirrorSource(mirror).fetchRelease(pin, '1.2.0')).rejects.toMatchObject({
      code: 'SPEC_RELEASE_UNKNOWN',
      message: expect.stringContaining('Add the row'),
    });
  });

  it('reports a README row whose file is missing', async () => {
    mirror = writeMirror([entry('1.0.0', 'a'.repeat(40), '{}')]);
    rmSync(join(mirror, 'pets-v1', '1.0.0', 'pets.swagger.json'));
    await expect(createMirrorSource(mirror).fetchRelease(pin, '1.0.0')).rejects.toMatchObject({
      code: 'SPEC_NOT_IN_MIRROR',
    });
  });

  it('requires the README table', async () => {
    mirror = writeMirror([entry('1.0.0', 'a'.repeat(40), '{}')]);
    writeFileSync(join(mirror, 'README.md'), '| api | version |\n|---|---|\n| pets-v1 | 1.0.0 |\n');
    await expect(createMirrorSource(mirror).fetchRelease(pin, '1.0.0')).rejects.toMatchObject({
      code: 'SPEC_MIRROR_README_INVALID',
      message: expect.stringContaining('missing: upstream repo, path in upstream repo, commit, sha256'),
    });
    rmSync(join(mirror, 'README.md'));
    expect(() => readMirrorReleases(mirror)).toThrow(
      expect.objectContaining({ code: 'SPEC_MIRROR_README_MISSING' }),
    );
  });
});
