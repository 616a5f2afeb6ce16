// The README's examples are tests: each ```ts block is type-checked, and run in a directory holding
// the pipeline.yaml and pipeline.zip they read.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  readmeExamples,
  removeExamples,
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

// A compiled pipeline with the inputs the README passes, laid out as kfp writes it.
const README_PIPELINE = `# PIPELINE DEFINITION
# Name: add-numbers
components:
  comp-echo:
    executorLabel: exec-echo
deploymentSpec:
  executors:
    exec-echo:
      container:
        command:
        - echo
        image: python:3.11
pipelineInfo:
  name: add-numbers
root:
  dag:
    tasks:
      echo:
        cachingOptions:
          enableCache: true
        componentRef:
          name: comp-echo
        taskInfo:
          name: echo
  inputDefinitions:
    parameters:
      message:
        parameterType: STRING
      repeat:
        defaultValue: 1.0
        isOptional: true
        parameterType: NUMBER_INTEGER
schemaVersion: 2.1.0
sdkVersion: kfp-2.14.6
`;

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

  for (const example of examples.filter((candidate) => candidate.runnable)) {
    it(`runs the example at README.md:${example.line}`, async () => {
      await import(pathToFileURL(example.file).href);
    });
  }

  it('prints what the error example says it prints', async () => {
    const printed = vi.mocked(console.log).mock.calls.map((call) => call.map(String).join(' '));
    expect(printed).toContainEqual(
      expect.stringMatching(/^KFP_INVALID_PIPELINE_PACKAGE .*key "colour" is unknown/),
    );
    expect(printed).toContainEqual('message STRING required undefined');
    expect(printed).toContainEqual('repeat NUMBER_INTEGER optional 1');
    expect(printed).toContainEqual('echo comp-echo true');
  });
});
