// kfp-v1's runPipelinePackage and workflow manifests as kfp 1.8.22's Client sends them: the Argo
// Workflow read from .yaml, .zip or .tar.gz and sent inline as JSON text. Requests go to the
// in-memory KFP v1 fake, which checks each against a Prism mock of the v1beta1 spec and stands in
// for the server's json.Unmarshal of `workflow_manifest` (helpers-fake-kfp.ts), which Prism cannot.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createKfpV1Client,
  createRecurringRun,
  createRun,
  type KfpV1Client,
  runPipelinePackage,
  staticTokenAuth,
} from '@ml-platform/kfp-v1';
import { type PrismServer, startPrism } from '@ml-platform/testbed';
import type { FakeApi } from '@ml-platform/testbed/fetch-fakes/index';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeKfp } from './helpers-fake-kfp.js';

// The shape kfp 1.8's compiler writes (PyYAML, sorted keys), trimmed to one step.
const WORKFLOW_YAML = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  annotations:
    pipelines.kubeflow.org/kfp_sdk_version: 1.8.22
  generateName: add-pipeline-
spec:
  arguments:
    parameters:
    - name: a
      value: '1'
    - name: b
  entrypoint: add-pipeline
  serviceAccountName: pipeline-runner
  templates:
  - container:
      args: [--a, '{{inputs.parameters.a}}', --b, '{{inputs.parameters.b}}']
      image: python:3.7
    metadata:
      labels:
        pipelines.kubeflow.org/enable_caching: 'true'
    name: add
  - dag:
      tasks:
      - name: add
        template: add
    name: add-pipeline
`;

let prism: PrismServer;
let fake: FakeApi;
let kfp: KfpV1Client;
let sent: Array<{ path: string; body: Record<string, unknown> | undefined }>;
let work: string;

beforeAll(async () => {
  prism = await startPrism('kfp-v1beta1');
  work = mkdtempSync(join(tmpdir(), 'kfp-v1-package-'));
});
afterAll(async () => {
  await prism?.stop();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  fake = createFakeKfp({
    origin: 'https://kubeflow.example.com',
    basePath: '/pipeline',
    prismUrl: prism.url,
  });
  sent = [];
  kfp = createKfpV1Client({
    baseUrl: 'https://kubeflow.example.com/pipeline',
    auth: staticTokenAuth('test-token'),
    fetch: async (request: Request) => {
      const text = await request.clone().text();
      sent.push({ path: new URL(request.url).pathname, body: text ? JSON.parse(text) : undefined });
      return fake.fetch(request);
    },
  });
});

const runBodies = () =>
  sent.filter((request) => request.path.endsWith('/apis/v1beta1/runs')).map((r) => r.body);

describe('workflow manifests', () => {
  it('sends a manifest given as YAML text as JSON text, which the server can json.Unmarshal', async () => {
    const detail = await createRun(kfp, {
      name: 'yaml',
      workflowManifest: WORKFLOW_YAML,
      parameters: { b: 2 },
    });
    expect(detail.run?.id).toBeTruthy();
    const body = runBodies()[0] as { pipeline_spec: { workflow_manifest: string } };
    expect(JSON.parse(body.pipeline_spec.workflow_manifest)).toMatchObject({
      kind: 'Workflow',
      metadata: { generateName: 'add-pipeline-' },
      spec: { arguments: { parameters: [{ name: 'a', value: '1' }, { name: 'b' }] } },
    });
    expect(fake.violations).toEqual([]);
  });

  it('sends JSON text and objects as JSON text too, and does so for recurring runs', async () => {
    const workflow = { kind: 'Workflow', spec: { entrypoint: 'main', arguments: { parameters: [] } } };
    await createRun(kfp, { name: 'json', workflowManifest: JSON.stringify(workflow) });
    await createRun(kfp, { name: 'object', workflowManifest: workflow });
    await createRecurringRun(kfp, {
      name: 'nightly',
      workflowManifest: WORKFLOW_YAML,
      schedule: { cron: '0 0 2 * * *' },
    });
    const [json, object] = runBodies() as Array<{ pipeline_spec: { workflow_manifest: string } }>;
    expect(JSON.parse(json?.pipeline_spec.workflow_manifest ?? '')).toEqual(workflow);
    expect(JSON.parse(object?.pipeline_spec.workflow_manifest ?? '')).toEqual(workflow);
    const job = sent.find((request) => request.path.endsWith('/jobs'))?.body as {
      pipeline_spec: { workflow_manifest: string };
    };
    expect(JSON.parse(job.pipeline_spec.workflow_manifest).kind).toBe('Workflow');
    expect(fake.violations).toEqual([]);
  });

  it('refuses a manifest that is neither YAML nor JSON of a mapping, before any request', async () => {
    await expect(createRun(kfp, { name: 'x', workflowManifest: 'kind: [unclosed' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
      message: expect.stringContaining('workflowManifest is not valid YAML'),
    });
    await expect(createRun(kfp, { name: 'x', workflowManifest: '- a\n- b\n' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
    });
    expect(sent).toEqual([]);
  });
});

describe('runPipelinePackage', () => {
  it('runs a .yaml package in the Default experiment, named after the workflow, parameters as strings', async () => {
    const path = join(work, 'add.yaml');
    writeFileSync(path, WORKFLOW_YAML);
    const result = await runPipelinePackage(kfp, { source: path, parameters: { b: 2 } });
    expect(result.experiment.name).toBe('Default');
    const body = runBodies()[0] as {
      name: string;
      pipeline_spec: { workflow_manifest: string; parameters: unknown };
      resource_references: unknown;
    };
    expect(body.name).toMatch(/^add-pipeline \d{4}-\d\d-\d\d \d\d-\d\d-\d\d$/);
    expect(body.pipeline_spec.parameters).toEqual([{ name: 'b', value: '2' }]);
    expect(JSON.parse(body.pipeline_spec.workflow_manifest).spec.entrypoint).toBe('add-pipeline');
    expect(body.resource_references).toEqual([
      { key: { type: 'EXPERIMENT', id: result.experiment.id }, relationship: 'OWNER' },
    ]);
    expect(fake.violations).toEqual([]);
  });

  it('reads the workflow from a .zip and a .tar.gz, as kfp 1.8.22 does', async () => {
    const zipPath = join(work, 'add.zip');
    writeFileSync(zipPath, zipSync({ 'pipeline.yaml': new TextEncoder().encode(WORKFLOW_YAML) }));
    const tarDir = mkdtempSync(join(work, 'tar-'));
    writeFileSync(join(tarDir, 'pipeline.yaml'), WORKFLOW_YAML);
    const tarPath = join(work, 'add.tar.gz');
    execFileSync('tar', ['-czf', tarPath, '-C', tarDir, 'pipeline.yaml']);
    for (const source of [zipPath, tarPath]) {
      await runPipelinePackage(kfp, {
        source,
        parameters: { b: 'x' },
        displayName: source,
        experimentName: 'e',
      });
    }
    const bodies = runBodies() as Array<{ name: string; pipeline_spec: { workflow_manifest: string } }>;
    expect(bodies.map((body) => body.name)).toEqual([zipPath, tarPath]);
    for (const body of bodies) expect(JSON.parse(body.pipeline_spec.workflow_manifest).kind).toBe('Workflow');
    expect(fake.violations).toEqual([]);
  });

  it('checks parameters against the declared arguments before any request', async () => {
    const source = { text: WORKFLOW_YAML, name: 'add.yaml' };
    const error = await runPipelinePackage(kfp, { source, parameters: { c: 1 } }).catch((e) => e);
    expect(error.code).toBe('KFP_INVALID_PARAMETERS');
    expect(error.message).toContain('"c" is not a parameter of this pipeline (declared: a, b)');
    expect(error.message).toContain('"b" is required');
    expect(sent).toEqual([]);
  });

  it('refuses a KFP v2 pipeline, a non-workflow and a YAML bomb, before any request', async () => {
    const v2 = { text: 'pipelineInfo:\n  name: v2\nroot: {}\nschemaVersion: 2.1.0\n', name: 'v2.yaml' };
    await expect(runPipelinePackage(kfp, { source: v2 })).rejects.toMatchObject({
      code: 'KFP_INVALID_PIPELINE_PACKAGE',
      message: expect.stringContaining('@ml-platform/kfp-v2'),
    });
    await expect(
      runPipelinePackage(kfp, { source: { text: 'kind: Pod\nspec: {}\n' } }),
    ).rejects.toMatchObject({
      code: 'KFP_INVALID_PIPELINE_PACKAGE',
      message: expect.stringContaining('not an Argo Workflow'),
    });
    const bomb = `kind: Workflow\nspec:\n  a: &a [x,x,x,x,x,x,x,x,x,x]\n${'bcdefgh'
      .split('')
      .map((name, i) => `  ${name}: &${name} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(',')}]`)
      .join('\n')}\n`;
    await expect(
      runPipelinePackage(kfp, { source: { text: bomb, name: 'bomb.yaml' } }),
    ).rejects.toMatchObject({
      code: 'KFP_INVALID_PIPELINE_PACKAGE',
      message: expect.stringContaining('aliases'),
    });
    expect(sent).toEqual([]);
  });

  it('sets the caching label of every step with enableCaching, on a copy', async () => {
    await runPipelinePackage(kfp, {
      source: { text: WORKFLOW_YAML },
      parameters: { b: 1 },
      enableCaching: false,
    });
    const body = runBodies()[0] as { pipeline_spec: { workflow_manifest: string } };
    const workflow = JSON.parse(body.pipeline_spec.workflow_manifest);
    expect(workflow.spec.templates[0].metadata.labels['pipelines.kubeflow.org/enable_caching']).toBe('false');
  });

  it('refuses experimentId together with experimentName', async () => {
    await expect(
      runPipelinePackage(kfp, { source: { text: WORKFLOW_YAML }, experimentId: 'e-1', experimentName: 'x' }),
    ).rejects.toMatchObject({ code: 'KFP_EXPERIMENT_CHOICE_CONFLICT' });
  });
});
