// mlp seldon model | pipeline | batch-job | infer | explain, spawned against the test bed's stateful
// Seldon Deploy emulator (Core v2 resources become Ready, batch jobs run), signed with a token file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SeldonEmulatorServer, startSeldonEmulatorServer } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp } from './mlp-process.js';

let server: SeldonEmulatorServer;
let home: ReturnType<typeof isolatedHome>;
let env: Record<string, string>;

const file = (name: string, text: string) => {
  const path = join(home.dir, name);
  writeFileSync(path, text);
  return path;
};
const json = (text: string) => JSON.parse(text) as Record<string, unknown> & Array<Record<string, unknown>>;

beforeAll(async () => {
  server = await startSeldonEmulatorServer({
    timing: { coreV2Reads: 2, batchJobReads: 1, deletionReads: 1 },
  });
  home = isolatedHome();
  env = { ...home.env, KF_PIPELINES_SA_TOKEN_PATH: file('token', 'emulator-token\n') };
  const profile = await runMlp(
    [
      'config',
      'set-profile',
      'seldon',
      '--seldon-endpoint',
      server.url,
      '--namespace',
      'seldon',
      '--auth',
      'sa-token',
    ],
    env,
  );
  expect(profile.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  home?.remove();
});

describe('mlp seldon model and pipeline', { timeout: 90_000 }, () => {
  it('creates a model and a pipeline from manifests, waits until Ready, lists, gets and deletes them', async () => {
    const model = file(
      'iris-model.yaml',
      `apiVersion: mlops.seldon.io/v1alpha1
kind: Model
metadata: {name: iris}
spec:
  storageUri: gs://seldon-models/scv2/samples/mlserver_1.3.5/iris-sklearn
  requirements: [sklearn]
`,
    );
    const createdModel = await runMlp(
      ['seldon', 'model', 'create', '-f', model, '--wait', '-o', 'json'],
      env,
    );
    expect(createdModel.stderr).toMatch(/Model seldon\/iris created\.\n(.*\n)*Model seldon\/iris is Ready\./);
    expect(createdModel.code).toBe(0);
    expect(json(createdModel.stdout)).toMatchObject({ metadata: { name: 'iris' } });

    const pipeline = file(
      'iris-pipeline.yaml',
      `apiVersion: mlops.seldon.io/v1alpha1
kind: Pipeline
metadata: {name: iris-pipeline}
spec:
  steps: [{name: iris}]
  output: {steps: [iris]}
`,
    );
    expect((await runMlp(['seldon', 'pipeline', 'create', '-f', pipeline], env)).code).toBe(0);
    const waited = await runMlp(['seldon', 'pipeline', 'wait', 'iris-pipeline', '-t', '60'], env);
    expect(waited.code).toBe(0);
    // A kubectl table: the resource is Ready.
    expect(waited.stdout).toMatch(/^NAME {3,}READY {3,}REASON {3,}CREATED AT\niris-pipeline {3,}True\b/m);

    const pipelines = await runMlp(['seldon', 'pipeline', 'list', '-o', 'json'], env);
    expect(json(pipelines.stdout).map((item) => (item.metadata as { name: string }).name)).toEqual([
      'iris-pipeline',
    ]);
    const models = await runMlp(
      ['seldon', 'model', 'list', '--pipeline', 'iris-pipeline', '-o', 'json'],
      env,
    );
    expect(models.code).toBe(0);
    expect(json(models.stdout).map((item) => (item.metadata as { name: string }).name)).toContain('iris');
    const noPipeline = await runMlp(['seldon', 'model', 'list'], env);
    expect(noPipeline.code).toBe(2);
    expect(noPipeline.stderr).toMatch(/^mlp: CLI_USAGE: .*--pipeline/m);

    const unconfirmed = await runMlp(['seldon', 'model', 'delete', 'iris'], env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/^mlp: CLI_USAGE: Delete Model seldon\/iris\? Pass --yes/m);
    const deleted = await runMlp(['seldon', 'model', 'delete', 'iris', '--yes'], env);
    expect(deleted.code).toBe(0);
    expect(deleted.stderr).toContain('Model seldon/iris deleted.');
  });

  it('refuses a manifest that is not an object, naming the file, before any request', async () => {
    const bad = file('list.yaml', '- not\n- a manifest\n');
    const result = await runMlp(['seldon', 'pipeline', 'create', '-f', bad], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^mlp: CLI_USAGE: ${bad.replace(/[.]/g, '\\.')} is not a Seldon Core v2 Pipeline manifest`,
        'm',
      ),
    );
  });
});

describe('mlp seldon batch-job, infer and explain', { timeout: 90_000 }, () => {
  it('submits a batch job to a pipeline and waits until it Succeeded; lists and gets it', async () => {
    const pipeline = file(
      'batch-pipeline.yaml',
      'apiVersion: mlops.seldon.io/v1alpha1\nkind: Pipeline\nmetadata: {name: batch-target}\nspec:\n  steps: [{name: m}]\n',
    );
    expect((await runMlp(['seldon', 'pipeline', 'create', '-f', pipeline, '--wait'], env)).code).toBe(0);
    const definition = file(
      'batch.yaml',
      'inputData: s3://data/input.txt\noutputData: s3://data/output.txt\nbatchDataType: data\nbatchWorkers: 2\n',
    );
    const submitted = await runMlp(
      [
        'seldon',
        'batch-job',
        'submit',
        '--pipeline',
        'batch-target',
        '-f',
        definition,
        '--wait',
        '-o',
        'json',
      ],
      env,
    );
    expect(submitted.code).toBe(0);
    const result = json(submitted.stdout);
    expect(result).toMatchObject({ status: 'Succeeded', outputData: 's3://data/output.txt' });
    const listed = await runMlp(['seldon', 'batch-job', 'list', '--pipeline', 'batch-target'], env);
    expect(listed.stdout).toMatch(new RegExp(`^JOB {3,}STATUS .*\\n${String(result.jobName)} {3,}Succeeded`));
    const got = await runMlp(
      ['seldon', 'batch-job', 'get', String(result.jobName), '--pipeline', 'batch-target', '-o', 'json'],
      env,
    );
    expect(json(got.stdout)).toMatchObject({ Description: { workflowName: result.jobName } });
    const noTarget = await runMlp(['seldon', 'batch-job', 'list'], env);
    expect(noTarget.code).toBe(2);
  });

  it('sends an Open Inference Protocol request from a file, and refuses a malformed one before sending', async () => {
    const pipeline = file(
      'infer-pipeline.yaml',
      'apiVersion: mlops.seldon.io/v1alpha1\nkind: Pipeline\nmetadata: {name: infer-target}\nspec:\n  steps: [{name: m}]\n',
    );
    expect((await runMlp(['seldon', 'pipeline', 'create', '-f', pipeline, '--wait'], env)).code).toBe(0);
    const request = file(
      'request.json',
      JSON.stringify({
        inputs: [{ name: 'predict', shape: [2, 4], datatype: 'FP32', data: [1, 2, 3, 4, 5, 6, 7, 8] }],
      }),
    );
    const answer = await runMlp(['seldon', 'infer', 'infer-target', '--pipeline', '-f', request], env);
    expect(answer.code).toBe(0);
    expect(json(answer.stdout)).toMatchObject({ outputs: [{ name: 'predict', shape: [2, 1] }] });
    const malformed = await runMlp(
      ['seldon', 'infer', 'infer-target', '--pipeline', '-d', '{"inputs":[]}'],
      env,
    );
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(
      /^mlp: SELDON_INFERENCE_REQUEST_INVALID: The inference request has 1 problem:\n {2}- request\.inputs must list at least one tensor/m,
    );
    const missing = await runMlp(['seldon', 'infer', 'infer-target', '-f', join(home.dir, 'nope.json')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^mlp: CLI_USAGE: Cannot read the request file .*nope\.json/m);
  });
});
