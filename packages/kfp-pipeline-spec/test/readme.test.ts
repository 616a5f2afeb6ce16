// The README's examples are tests: each ```ts block is type-checked, and run in a directory holding
// the pipeline.yaml and pipeline.zip they read.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  readmeExamples,
  removeExamples,
  talksToKubeflow,
  typeCheckExamples,
  writeExamples,
} from '@ml-platform/testbed/readme-examples/index';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repositoryRoot = join(packageDir, '..', '..');
const examplesDir = join(packageDir, 'test', `.readme-examples-${process.pid}`);
const examples = readmeExamples(join(packageDir, 'README.md'));
const originalCwd = process.cwd();
let sandbox: string;

// The project's own compiled pipeline (kfp 2.7), whose `recipient` parameter the README passes.
const README_PIPELINE = readFileSync(
  new URL('../../../examples/pipelines/hello-world.yaml', import.meta.url),
  'utf8',
);

beforeAll(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'kfp-pipeline-spec-readme-'));
  await writeFile(join(sandbox, 'pipeline.yaml'), README_PIPELINE);
  await writeFile(
    join(sandbox, 'pipeline.zip'),
    zipSync({ 'pipeline.yaml': new TextEncoder().encode(README_PIPELINE) }),
  );
  process.chdir(sandbox);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await writeExamples(examples, examplesDir);
});

afterAll(async () => {
  vi.restoreAllMocks();
  process.chdir(originalCwd);
  await removeExamples(examplesDir);
  await rm(sandbox, { recursive: true, force: true });
});

describe('README examples', () => {
  it('has the examples', () => {
    expect(examples.filter((example) => example.runnable).length).toBeGreaterThanOrEqual(4);
  });

  it('type-check as strict TypeScript', () => {
    expect(typeCheckExamples(examples, repositoryRoot)).toEqual([]);
  });

  // Blocks that send to Kubeflow run against the test bed's cluster in readme-multi-user.test.ts.
  for (const example of examples.filter(
    (candidate) => candidate.runnable && !talksToKubeflow(candidate.code),
  )) {
    it(`runs the example at README.md:${example.line}`, async () => {
      await import(pathToFileURL(example.file).href);
    });
  }

  it('prints what the error example says it prints', async () => {
    const printed = vi.mocked(console.log).mock.calls.map((call) => call.map(String).join(' '));
    expect(printed).toContainEqual(
      expect.stringMatching(/^KFP_INVALID_PIPELINE_PACKAGE .*key "colour" is unknown/),
    );
    expect(printed).toContainEqual('recipient STRING optional World');
    expect(printed).toContainEqual('say-hello comp-say-hello false');
  });
});
