// specs:check: whether upstream has a newer release than each pin.
import { describe, expect, it } from 'vitest';
import { checkSpecs } from '../lib/update/check-specs.mjs';
import { realMirror, realRepo, runNode } from './helpers/temp-repo.ts';

/** A release source listing fixed versions (the pins themselves are the repository's, read only). */
const listing = (versions: string[]) => ({
  description: 'a test listing',
  listVersions: async () => versions,
  fetchRelease: async () => {
    throw new Error('specs:check never fetches a release');
  },
});

describe('specs:check', () => {
  it('run here against the mirror, reports every API up to date (the pins are its newest releases)', async () => {
    const result = await runNode(realRepo, ['scripts/specs-check.mjs'], { SPECS_MIRROR: realMirror() });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'specs:check kfp-metadata: up to date (2.17.0)',
      'specs:check kfp-pipeline-spec: up to date (2.17.0)',
      'specs:check kfp-v1beta1: up to date (2.17.0)',
      'specs:check kfp-v2beta1: up to date (2.17.0)',
      'specs:check seldon-deploy-v1alpha1: up to date (2.4.0)',
    ]);
  });

  it('finds the newest release by version order, not by listing order or string order', async () => {
    const [result] = await checkSpecs(['kfp-v2beta1'], {
      source: listing(['2.17.0', '2.100.0', '2.9.0', '1.8.22']),
    });
    expect(result).toEqual({
      api: 'kfp-v2beta1',
      package: '@ml-platform/kfp-v2',
      pinned: '2.17.0',
      latest: '2.100.0',
      updateAvailable: true,
    });
  });

  it('does not propose an older release', async () => {
    const [result] = await checkSpecs(['kfp-v2beta1'], { source: listing(['2.16.0']) });
    expect(result.updateAvailable).toBe(false);
  });

  it('fails, naming the source, when it lists no release at all', async () => {
    await expect(checkSpecs(['kfp-v1beta1'], { source: listing([]) })).rejects.toMatchObject({
      code: 'SPEC_NO_RELEASES',
      message: expect.stringContaining('a test listing lists no release versions'),
    });
  });

  it('fails on an unknown API, listing the known ones', async () => {
    const result = await runNode(realRepo, ['scripts/specs-check.mjs', 'kfp-v3'], {
      SPECS_MIRROR: realMirror(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown API "kfp-v3"');
    expect(result.stderr).toContain(
      'Known APIs: kfp-metadata, kfp-pipeline-spec, kfp-v1beta1, kfp-v2beta1, seldon-deploy-v1alpha1',
    );
  });
});
