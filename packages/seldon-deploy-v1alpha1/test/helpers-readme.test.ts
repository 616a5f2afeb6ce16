// The README's examples are tests: every ```ts block is type-checked and run,
// against an in-memory Seldon Deploy (helpers-fake-seldon.ts) whose requests
// Prism checks against the v1alpha1 spec. The blocks call the real global
// fetch, which is swapped for the fake here, so they read as a user writes them.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type PrismServer, startPrism } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeSeldon, type FakeSeldon } from './helpers-fake-seldon.js';
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
let fake: FakeSeldon;

beforeAll(async () => {
  prism = await startPrism('seldon-deploy-v1alpha1');
  fake = createFakeSeldon({
    origin: 'https://ml.example.com',
    basePath: '/seldon-deploy/api/v1alpha1',
    prismUrl: prism.url,
  });
  vi.stubEnv('SELDON_TOKEN', 'readme-token');
  vi.stubGlobal('fetch', fake.fetch);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await writeExamples(examples, examplesDir);
});

afterAll(async () => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await removeExamples(examplesDir);
  await prism?.stop();
});

describe('README examples', () => {
  it('has examples for the client and the helpers', () => {
    expect(examples.filter((example) => example.runnable).length).toBeGreaterThanOrEqual(3);
  });

  it('type-check as strict TypeScript', () => {
    expect(typeCheckExamples(examples, repositoryRoot)).toEqual([]);
  });

  // Sequential on purpose: later examples work on the deployment an earlier one created.
  for (const example of examples.filter((candidate) => candidate.runnable)) {
    it(`runs the example at README.md:${example.line} with requests the spec accepts`, async () => {
      await import(pathToFileURL(example.file).href);
      expect(fake.violations).toEqual([]);
    });
  }
});
