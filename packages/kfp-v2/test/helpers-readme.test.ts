// The README's examples are tests: every ```ts block is type-checked and run,
// against an in-memory KFP (helpers-fake-kfp.ts) whose requests Prism checks
// against the v2beta1 spec. The blocks call the real global fetch, which is
// swapped for the fake here, so they read exactly as a user would write them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type PrismServer, startPrism } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeKfp, type FakeKfp } from './helpers-fake-kfp.js';
import {
  type ReadmeExample,
  readmeExamples,
  removeExamples,
  typeCheckExamples,
  writeExamples,
} from './helpers-readme-examples.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repositoryRoot = join(packageDir, '..', '..');
const examplesDir = join(packageDir, 'test', `.readme-examples-${process.pid}`);
const examples: ReadmeExample[] = await readmeExamples(join(packageDir, 'README.md'));

let prism: PrismServer;
let fake: FakeKfp;
let sandbox: string;
const originalCwd = process.cwd();

beforeAll(async () => {
  prism = await startPrism('kfp-v2beta1');
  fake = createFakeKfp({
    origin: 'https://kubeflow.example.com',
    basePath: '/pipeline',
    prismUrl: prism.url,
  });
  // A working directory with the compiled pipeline the examples upload, and a HOME for ~/.config/kfp.
  sandbox = await mkdtemp(join(tmpdir(), 'kfp-v2-readme-'));
  await writeFile(
    join(sandbox, 'pipeline.yaml'),
    'pipelineInfo:\n  name: hello\nroot: {}\nschemaVersion: 2.1.0\n',
  );
  process.chdir(sandbox);
  vi.stubEnv('HOME', sandbox);
  vi.stubEnv('KFP_TOKEN', 'readme-token');
  vi.stubGlobal('fetch', fake.fetch);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await writeExamples(examples, examplesDir);
});

afterAll(async () => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  process.chdir(originalCwd);
  await removeExamples(examplesDir);
  if (sandbox) await rm(sandbox, { recursive: true, force: true });
  await prism?.stop();
});

describe('README examples', () => {
  it('has examples for the client and every group of helpers', () => {
    expect(examples.filter((example) => example.runnable).length).toBeGreaterThanOrEqual(8);
  });

  it('type-check as strict TypeScript', () => {
    expect(typeCheckExamples(examples, repositoryRoot)).toEqual([]);
  });

  // Sequential on purpose: later examples build on what earlier ones created (a pipeline named 'hello', a saved namespace).
  for (const example of examples.filter((candidate) => candidate.runnable)) {
    it(`runs the example at README.md:${example.line} with requests the spec accepts`, async () => {
      await import(pathToFileURL(example.file).href);
      expect(fake.violations).toEqual([]);
    });
  }
});
