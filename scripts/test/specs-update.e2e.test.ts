// The real upstream transitions from the mirror (../shared/specs), end to end
// through the CLI in a temporary copy of the repository: pinned to the older
// release, updated to the newer one, regenerated, changeset written and then
// consumed by `changeset version`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMirrorReleases } from '../lib/update/mirror-releases.mjs';
import { pinRelease, readPinIn } from './helpers/pins.ts';
import { makeTempRepo, type RunResult, realMirror, runNode } from './helpers/temp-repo.ts';

const TRANSITIONS = [
  {
    api: 'kfp-v1beta1',
    pkg: 'kfp-v1',
    name: '@ml-platform/kfp-v1',
    from: '2.16.0',
    to: '2.17.0',
    newSchema: 'googleRpcStatus',
  },
  {
    api: 'kfp-v2beta1',
    pkg: 'kfp-v2',
    name: '@ml-platform/kfp-v2',
    from: '2.16.0',
    to: '2.17.0',
    newSchema: 'v2beta1PluginOutput',
  },
  {
    api: 'seldon-deploy-v1alpha1',
    pkg: 'seldon-deploy-v1alpha1',
    name: '@ml-platform/seldon-deploy-v1alpha1',
    from: '2.3.1',
    to: '2.4.0',
    newSchema: 'SleepAction',
  },
];

const mirror = realMirror();
const env = { SPECS_MIRROR: mirror };
let repo: ReturnType<typeof makeTempRepo>;
let check: RunResult;
const updates = new Map<string, RunResult>();

beforeAll(async () => {
  repo = makeTempRepo();
  for (const { api, from } of TRANSITIONS) pinRelease(repo.root, mirror, api, from);
  check = await runNode(repo.root, ['scripts/specs-check.mjs'], env);
  // One after the other: they share the generator and two cores.
  for (const { api, to } of TRANSITIONS)
    updates.set(api, await runNode(repo.root, ['scripts/specs-update.mjs', api, to], env));
}, 120_000);
afterAll(() => repo?.remove());

const changeset = (api: string, version: string) =>
  readFileSync(join(repo.root, '.changeset', `upstream-${api}-${version.replaceAll('.', '-')}.md`), 'utf8');

describe('specs:check before the update', () => {
  it('reports each API as behind the mirror, with the command to run', () => {
    expect(check.code).toBe(0);
    for (const { api, from, to } of TRANSITIONS) {
      expect(check.stdout).toContain(
        `specs:check ${api}: update available ${from} -> ${to}: npm run specs:update -- ${api} ${to}`,
      );
    }
  });
});

describe.each(TRANSITIONS)('specs:update $api $from -> $to', ({ api, pkg, name, from, to, newSchema }) => {
  it('succeeds and moves the pin to the release: tag, commit and sha256 from the mirror', () => {
    const result = updates.get(api)!;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const row = readMirrorReleases(mirror).find((release) => release.api === api && release.version === to)!;
    const pin = readPinIn(repo.root, api);
    expect(pin.upstream).toMatchObject({ tag: to, commit: row.commit, path: row.path });
    expect(pin.sha256).toBe(row.sha256);
  });

  it('writes a changeset bumping the package minor (breaking, below 1.0.0), its body the printed report', () => {
    const text = changeset(api, to);
    expect(
      text.startsWith(
        `---\n"${name}": minor\n---\n\nRegenerated from upstream ${api} ${to} (was ${from}).\n`,
      ),
    ).toBe(true);
    expect(text).toContain(
      "released as a minor bump: the package is 0.1.0, below 1.0.0, so semver's 0.x rule applies",
    );
    const body = text.slice(text.indexOf('Regenerated from'));
    expect(updates.get(api)!.stdout).toContain(body.trim());
  });

  it(`regenerates the package from the new document (it has ${newSchema})`, () => {
    const document = JSON.parse(
      readFileSync(join(repo.root, 'packages', pkg, 'openapi', 'openapi.json'), 'utf8'),
    );
    expect(Object.keys(document.components.schemas)).toContain(newSchema);
    const types = readFileSync(join(repo.root, 'packages', pkg, 'src', 'generated', 'schema.ts'), 'utf8');
    expect(types).toContain(`${newSchema}: {`);
  });
});

describe('headline entries of the real transitions', () => {
  it('kfp-v1beta1: the googlerpcStatus -> googleRpcStatus rename is the one breaking change', () => {
    const text = changeset('kfp-v1beta1', '2.17.0');
    expect(text).toContain(
      '- `googleRpcStatus`\n  - major: schema `googlerpcStatus` renamed to `googleRpcStatus` (same shape): import `googleRpcStatus` instead',
    );
    expect(text).toContain('2 changes: 1 major, 1 patch.');
    const types = readFileSync(
      join(repo.root, 'packages', 'kfp-v1', 'src', 'generated', 'schema.ts'),
      'utf8',
    );
    expect(types).toContain('googleRpcStatus: {');
    expect(types).not.toContain('googlerpcStatus');
  });

  it('kfp-v2beta1: the rename, the optional `tags` fields and parameters, the new operations', () => {
    const text = changeset('kfp-v2beta1', '2.17.0');
    expect(text).toContain('major: schema `googlerpcStatus` renamed to `googleRpcStatus` (same shape)');
    expect(text).toContain('- `v2beta1Pipeline`\n  - minor: field `tags`: added (optional)');
    expect(text).toContain('- `v2beta1PipelineVersion`\n  - minor: field `tags`: added (optional)');
    expect(text).toContain(
      '- `POST /apis/v2beta1/pipelines/upload` (`UploadPipeline`)\n  - minor: parameter `tags` (query): added (optional)',
    );
    expect(text).toContain(
      '- `PATCH /apis/v2beta1/pipelines/{pipeline.pipeline_id}` (`PipelineService_UpdatePipeline`)\n  - minor: operation added',
    );
    expect(text).toContain('16 changes: 1 major, 14 minor, 1 patch.');
  });

  it('seldon-deploy-v1alpha1: a PVC spec field now typed with fewer fields is breaking; additions are minor', () => {
    const text = changeset('seldon-deploy-v1alpha1', '2.4.0');
    expect(text).toContain(
      '- `PersistentVolumeClaimSpec`\n  - major: field `resources`: type changed from `ResourceRequirements` to ' +
        '`VolumeResourceRequirements` (major because field `claims`: removed)',
    );
    expect(text).toContain('minor: parameter `pageToken` (query): added (optional)');
    expect(text).toContain('- `SleepAction`\n  - minor: schema `SleepAction` added');
    expect(text).toContain('patch: field `s3AccessKeyId`: description changed');
  });
});

describe('after the update', () => {
  it('a second run finds the release already pinned and writes nothing', async () => {
    const before = readdirSync(join(repo.root, '.changeset')).sort();
    const again = await runNode(repo.root, ['scripts/specs-update.mjs', 'kfp-v2beta1', '2.17.0'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already pinned to 2.17.0; nothing to do');
    expect(readdirSync(join(repo.root, '.changeset')).sort()).toEqual(before);
  });

  it('specs:check reports every API up to date', async () => {
    const result = await runNode(repo.root, ['scripts/specs-check.mjs', '--json'], env);
    expect(
      JSON.parse(result.stdout).map((entry: { updateAvailable: boolean }) => entry.updateAvailable),
    ).toEqual([false, false, false]);
  });

  it('@changesets/cli accepts the changesets: `changeset version` bumps each package to 0.2.0 with the report in its CHANGELOG', async () => {
    const result = await runNode(
      repo.root,
      [join(repo.root, 'node_modules', '@changesets', 'cli', 'bin.js'), 'version'],
      env,
    );
    expect(result.code).toBe(0);
    for (const { pkg, api, to } of TRANSITIONS) {
      const manifest = JSON.parse(readFileSync(join(repo.root, 'packages', pkg, 'package.json'), 'utf8'));
      expect(manifest.version).toBe('0.2.0');
      const changelog = readFileSync(join(repo.root, 'packages', pkg, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain(
        `## 0.2.0\n\n### Minor Changes\n\n- Regenerated from upstream ${api} ${to}`,
      );
    }
    expect(readdirSync(join(repo.root, '.changeset')).filter((file) => file.startsWith('upstream-'))).toEqual(
      [],
    );
  });
});
