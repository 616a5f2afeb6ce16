// The README's examples are tests: each ```ts block is type-checked, and run against the test
// bed's UI server stand-in (real gRPC-Web), its origin standing in for https://kubeflow.example.com.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type RunBed, startRunBed } from '@ml-platform/testbed';
import {
  readmeExamples,
  removeExamples,
  typeCheckExamples,
  writeExamples,
} from '@ml-platform/testbed/readme-examples/index';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repositoryRoot = join(packageDir, '..', '..');
const examplesDir = join(packageDir, 'test', `.readme-examples-${process.pid}`);
const examples = readmeExamples(join(packageDir, 'README.md'));
const README_ORIGIN = 'https://kubeflow.example.com';
let bed: RunBed;

beforeAll(async () => {
  bed = await startRunBed();
  const runId = await bed.createRun('readme');
  bed.advance(10_000);
  vi.stubEnv('KFP_RUN_ID', runId);
  vi.stubEnv('KFP_TOKEN', 'readme-token');
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: Request) =>
    realFetch(new Request(input.url.replace(README_ORIGIN, bed.ui.url), input)),
  );
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await writeExamples(examples, examplesDir);
});

afterAll(async () => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await removeExamples(examplesDir);
  await bed?.stop();
});

describe('README examples', () => {
  it('has the examples', () => {
    expect(examples.filter((example) => example.runnable).length).toBeGreaterThanOrEqual(2);
  });

  it('type-check as strict TypeScript', () => {
    expect(typeCheckExamples(examples, repositoryRoot)).toEqual([]);
  });

  for (const example of examples.filter((candidate) => candidate.runnable)) {
    it(`runs the example at README.md:${example.line}`, async () => {
      await import(pathToFileURL(example.file).href);
    });
  }

  it('printed what a run holds', () => {
    const printed = vi.mocked(console.log).mock.calls.map((call) => call.map(String).join(' '));
    expect(printed).toContainEqual(
      expect.stringMatching(/^evaluate 3 readme-[0-9a-f]+-system-container-impl-/),
    );
    expect(printed).toContainEqual('14 events');
    expect(printed).toContainEqual(expect.stringContaining('system.Dataset'));
  });
});
