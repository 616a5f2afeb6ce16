// A protobuf pin of several files (kfp-metadata: metadata_store_service.proto imports
// metadata_store.proto) moves as one: each file is fetched and verified by its own sha256, and a
// change in the imported file alone is what the changeset reports. Run through the CLI in a
// temporary copy of the repository, against a mirror of our own holding the real 2.17.0 files
// and a 2.18.0 whose metadata_store.proto gains a message.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MirrorEntry, sha256, writeMirror } from './helpers/fixture-mirror.ts';
import { readPinIn } from './helpers/pins.ts';
import { makeTempRepo, type RunResult, realMirror, runNode } from './helpers/temp-repo.ts';

const ROOT = 'third_party/ml-metadata/ml_metadata/proto';
const real = (file: string) => readFileSync(join(realMirror(), 'kfp-metadata', '2.17.0', file));
const service = real('metadata_store_service.proto');
const store = real('metadata_store.proto');
const newerStore = `${store.toString('utf8')}\n// Added upstream.\nmessage LineageNote {\n  optional string text = 1;\n}\n`;
const entry = (version: string, file: string, bytes: Uint8Array | string): MirrorEntry => ({
  api: 'kfp-metadata',
  version,
  repo: 'kubeflow/pipelines',
  path: `${ROOT}/${file}`,
  commit: version === '2.17.0' ? '4a3592cb2dd0a91a4652ab93893ec8beda1f3158' : 'b'.repeat(40),
  bytes,
});

let repo: ReturnType<typeof makeTempRepo>;
let mirror: string;
let check: RunResult;
let update: RunResult;

beforeAll(async () => {
  repo = makeTempRepo();
  mirror = writeMirror([
    entry('2.17.0', 'metadata_store_service.proto', service),
    entry('2.17.0', 'metadata_store.proto', store),
    entry('2.18.0', 'metadata_store_service.proto', service),
    entry('2.18.0', 'metadata_store.proto', newerStore),
  ]);
  const env = { SPECS_MIRROR: mirror };
  check = await runNode(repo.root, ['scripts/specs-check.mjs', 'kfp-metadata'], env);
  update = await runNode(
    repo.root,
    ['scripts/specs-update.mjs', 'kfp-metadata', '2.18.0', '--no-generate'],
    env,
  );
}, 240_000);
afterAll(() => {
  repo?.remove();
  if (mirror) rmSync(mirror, { recursive: true, force: true });
});

describe('specs:update kfp-metadata 2.17.0 -> 2.18.0 (two pinned files)', () => {
  it('sees the newer release', () => {
    expect(check.stdout).toContain('specs:check kfp-metadata: update available 2.17.0 -> 2.18.0');
  });

  it('moves both files of the pin, each with its own sha256', () => {
    expect(update.code, update.stderr).toBe(0);
    const pin = readPinIn(repo.root, 'kfp-metadata');
    expect(pin.upstream).toMatchObject({
      tag: '2.18.0',
      commit: 'b'.repeat(40),
      path: `${ROOT}/metadata_store_service.proto`,
    });
    expect(pin.sha256).toBe(sha256(service));
    expect(pin.imports).toEqual([{ path: `${ROOT}/metadata_store.proto`, sha256: sha256(newerStore) }]);
  });

  it('reports the message added in the imported file, and nothing else', () => {
    const changeset = readFileSync(join(repo.root, '.changeset', 'upstream-kfp-metadata-2-18-0.md'), 'utf8');
    // A 0.x package takes an addition as a patch release.
    expect(changeset).toContain('"@ml-platform/kfp-metadata": patch');
    expect(changeset).toContain('- `LineageNote`\n  - minor: message `LineageNote` added');
    expect(changeset).toContain('1 change: 1 minor.');
  });
});
