/**
 * The helpers kfp.Client users used to write by hand, and the client-level
 * namespace, against the test bed's KFP emulator: through Prism where the
 * route is in the v2beta1 spec, directly where it is not (the artifact route).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiError,
  createKfpV2Client,
  deletePipeline,
  deletePipelineVersion,
  getExperiment,
  getOrCreateExperiment,
  getPipeline,
  getPipelineVersion,
  getRecurringRun,
  type KfpV2Client,
  readRunArtifact,
  runPipelinePackage,
  staticTokenAuth,
  uploadPipeline,
  uploadPipelineVersion,
  waitForRunCompletion,
} from '@ml-platform/kfp-v2';
import {
  emulatedArtifact,
  type KfpEmulatorServer,
  type PrismProxy,
  type PrismServer,
  startKfpEmulatorServer,
  startPrism,
  startPrismProxy,
} from '@ml-platform/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from './pipeline-fixtures.js';

const NAMESPACE = 'kubeflow-user-example-com';
const USER = { 'kubeflow-userid': 'user@example.com' };

let server: KfpEmulatorServer;
let prism: PrismProxy;
let scratch: string;
const violations: string[] = [];

function client(options: { namespace?: string; baseUrl?: string; contextFile?: string } = {}): KfpV2Client {
  return createKfpV2Client({
    baseUrl: options.baseUrl ?? prism.url,
    auth: staticTokenAuth('prism-checks-that-a-token-is-present'),
    headers: USER,
    namespace: options.namespace,
    namespaceFiles: {
      contextFile: options.contextFile ?? join(scratch, 'no-context.json'),
      serviceAccountNamespaceFile: join(scratch, 'no-namespace'),
    },
    middleware: [
      {
        onResponse({ request, response }) {
          const found = response.headers.get('sl-violations');
          if (found) violations.push(`${request.method} ${new URL(request.url).pathname}: ${found}`);
          return undefined;
        },
      },
    ],
  });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kfp-v2-journey-'));
  server = await startKfpEmulatorServer({ runTiming: { pendingMs: 20, runningMs: 50, cancelingMs: 20 } });
  prism = await startPrismProxy('kfp-v2beta1', server.url);
});
afterAll(async () => {
  await Promise.all([prism?.stop(), server?.stop()]);
  await rm(scratch, { recursive: true, force: true });
});
afterEach(() => {
  expect(violations, prism.output().slice(-2000)).toEqual([]);
});

describe('the client-level namespace', () => {
  it('is used by helpers given no namespace, and loses to one they are given', async () => {
    const kfp = client({ namespace: NAMESPACE });
    const experiment = await getOrCreateExperiment(kfp, { name: 'client-namespace' });
    expect(experiment.namespace).toBe(NAMESPACE);
    const pipeline = await uploadPipeline(kfp, {
      source: { path: fixturePath('valid', 'add_numbers.yaml') },
    });
    expect(pipeline.namespace).toBe(NAMESPACE);
    const refused = await getOrCreateExperiment(kfp, { name: 'elsewhere', namespace: 'team-b' }).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ status: 403 });
  });

  it("'auto' reads ~/.config/kfp/context.json (kfp.Client's set_user_namespace) on first use", async () => {
    const contextFile = join(scratch, 'context.json');
    await writeFile(contextFile, JSON.stringify({ namespace: NAMESPACE }));
    const kfp = client({ namespace: 'auto', contextFile });
    const { experiment } = await runPipelinePackage(kfp, {
      source: fixturePath('valid', 'add_numbers.yaml'),
      parameters: { a: 1, b: 2 },
      experimentName: 'auto-namespace',
    });
    expect(experiment.namespace).toBe(NAMESPACE);
  });

  it("'auto' with no file to read leaves the namespace out (single-user mode), which multi-user KFP refuses", async () => {
    const kfp = client({ namespace: 'auto' });
    const error = await getOrCreateExperiment(kfp, { name: 'nowhere' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400 });
  });

  it('refuses an empty namespace when the client is created', () => {
    expect(() => createKfpV2Client({ baseUrl: 'http://127.0.0.1:1', namespace: ' ' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID_OPTION' }),
    );
  });
});

describe('helpers by id', () => {
  it('gets an experiment by id', async () => {
    const kfp = client({ namespace: NAMESPACE });
    const created = await getOrCreateExperiment(kfp, { name: 'by-id' });
    expect(await getExperiment(kfp, created.experiment_id!)).toEqual(created);
  });

  it('names an upload after pipelineInfo.name, so a second pipeline.yaml does not collide', async () => {
    const kfp = client({ namespace: NAMESPACE });
    const first = await uploadPipeline(kfp, {
      source: {
        text: 'pipelineInfo:\n  name: first-one\nroot: {}\nschemaVersion: 2.1.0\n',
        fileName: 'pipeline.yaml',
      },
    });
    const second = await uploadPipeline(kfp, {
      source: {
        text: 'pipelineInfo:\n  name: second-one\nroot: {}\nschemaVersion: 2.1.0\n',
        fileName: 'pipeline.yaml',
      },
    });
    expect([first.name, second.name]).toEqual(['first-one', 'second-one']);
    expect(await getPipeline(kfp, first.pipeline_id!)).toMatchObject({ name: 'first-one' });
  });

  it('gets and deletes pipeline versions, and deletes a pipeline with versions only with cascade', async () => {
    const kfp = client({ namespace: NAMESPACE });
    const pipeline = await uploadPipeline(kfp, {
      source: { path: fixturePath('valid', 'producer_consumer_param_pipeline.yaml') },
      name: 'versions-and-cascade',
    });
    const version = await uploadPipelineVersion(kfp, {
      source: { path: fixturePath('valid', 'producer_consumer_param_pipeline.yaml') },
      pipelineId: pipeline.pipeline_id!,
      name: 'v2',
    });
    expect(await getPipelineVersion(kfp, pipeline.pipeline_id!, version.pipeline_version_id!)).toMatchObject({
      name: 'v2',
    });
    await deletePipelineVersion(kfp, pipeline.pipeline_id!, version.pipeline_version_id!);
    await expect(
      getPipelineVersion(kfp, pipeline.pipeline_id!, version.pipeline_version_id!),
    ).rejects.toMatchObject({ status: 404 });

    await expect(deletePipeline(kfp, pipeline.pipeline_id!)).rejects.toMatchObject({ status: 400 });
    await deletePipeline(kfp, pipeline.pipeline_id!, { cascade: true });
    await expect(getPipeline(kfp, pipeline.pipeline_id!)).rejects.toMatchObject({ status: 404 });
  });

  it('refuses ids that are empty before sending', async () => {
    const kfp = client();
    await expect(getPipelineVersion(kfp, 'p', '')).rejects.toMatchObject({ code: 'CONFIG_INVALID_OPTION' });
    await expect(deletePipeline(kfp, 'p', { cascade: 'yes' as unknown as boolean })).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
    });
  });
});

describe('getRecurringRun', () => {
  let mock: PrismServer;
  beforeAll(async () => {
    mock = await startPrism('kfp-v2beta1');
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it('sends the request the spec describes and returns the recurring run', async () => {
    const kfp = createKfpV2Client({ baseUrl: mock.url, auth: staticTokenAuth('t') });
    const recurring = await getRecurringRun(kfp, 'r-1');
    expect(recurring).toBeTypeOf('object');
    await expect(getRecurringRun(kfp, '')).rejects.toMatchObject({ code: 'CONFIG_INVALID_OPTION' });
  });
});

describe('readRunArtifact (outside the Swagger document, so straight to the emulator)', () => {
  async function finishedRun(kfp: KfpV2Client): Promise<string> {
    const { run } = await runPipelinePackage(kfp, {
      source: fixturePath('valid', 'add_numbers.yaml'),
      parameters: { a: 1, b: 2 },
      experimentName: 'artifacts',
    });
    await waitForRunCompletion(kfp, run.run_id!, { pollIntervalMs: 20, timeoutMs: 5_000 });
    return run.run_id!;
  }

  it('streams the decoded bytes of an artifact, small or large', async () => {
    const kfp = client({ namespace: NAMESPACE, baseUrl: server.url });
    const runId = await finishedRun(kfp);
    const small = await readRunArtifact(kfp, { runId, nodeId: 'node-1', artifactName: 'model' });
    expect(new Uint8Array(await new Response(small).arrayBuffer())).toEqual(
      emulatedArtifact(runId, 'node-1', 'model'),
    );

    const big = await readRunArtifact(kfp, { runId, nodeId: 'node-1', artifactName: 'big' });
    let chunks = 0;
    const received: number[] = [];
    const reader = big.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      chunks += 1;
      received.push(...next.value);
    }
    expect(Uint8Array.from(received)).toEqual(emulatedArtifact(runId, 'node-1', 'big'));
    expect(chunks).toBeGreaterThan(1);
  });

  it("fails with the server answer for a missing artifact, and with KFP_ARTIFACT_MALFORMED for a body that is not KFP's", async () => {
    const kfp = client({ namespace: NAMESPACE, baseUrl: server.url });
    const runId = await finishedRun(kfp);
    const missing = await readRunArtifact(kfp, { runId, nodeId: 'n', artifactName: 'missing-one' }).catch(
      (error: unknown) => error,
    );
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({
      status: 404,
      upstream: { message: expect.stringContaining('artifact not found') },
    });

    const notKfp = createKfpV2Client({
      baseUrl: 'http://kfp.invalid',
      auth: [],
      fetch: async () => Response.json({ something: 'else' }),
    });
    const stream = await readRunArtifact(notKfp, { runId: 'r', nodeId: 'n', artifactName: 'a' });
    await expect(new Response(stream).arrayBuffer()).rejects.toMatchObject({
      code: 'KFP_ARTIFACT_MALFORMED',
    });
  });
});
