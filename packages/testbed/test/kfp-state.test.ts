/**
 * The stateful KFP v2beta1 emulator, driven through the typed client and its
 * helpers with Prism (proxy mode, `--errors`) in between: every request is
 * validated against the upstream spec before it reaches the emulator, every
 * answer after, and any violation fails the test.
 */
import { ApiError, staticTokenAuth } from '@ml-platform/core';
import {
  collectAll,
  createKfpV2Client,
  createRun,
  findPipelineByName,
  getOrCreateExperiment,
  getRun,
  type KfpV2Client,
  kfpFilter,
  terminateRun,
  uploadPipeline,
  uploadPipelineVersion,
  waitForRunCompletion,
} from '@ml-platform/kfp-v2';
import {
  type KfpEmulatorServer,
  type PrismProxy,
  startKfpEmulatorServer,
  startPrismProxy,
} from '@ml-platform/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const NAMESPACE = 'kubeflow-user-example-com';
const PIPELINE_YAML = [
  '# PIPELINE DEFINITION',
  '# Name: hello-world',
  'pipelineInfo:',
  '  name: hello-world',
  'root:',
  '  dag:',
  '    tasks: {}',
  'schemaVersion: 2.1.0',
  'sdkVersion: kfp-2.7.0',
  '',
].join('\n');

/** The smallest PipelineSpec the API server runs. */
const inlineSpec = (name: string) => ({ pipelineInfo: { name }, root: { dag: {} }, schemaVersion: '2.1.0' });

let server: KfpEmulatorServer;
let prism: PrismProxy;
const violations: string[] = [];

/** A client that reaches the emulator through Prism, as `user` behind the gateway. */
function clientAs(user: string | undefined): KfpV2Client {
  return createKfpV2Client({
    baseUrl: prism.url,
    auth: staticTokenAuth('prism-checks-that-a-token-is-present'),
    headers: user ? { 'kubeflow-userid': user } : {},
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

async function statusOf(promise: Promise<unknown>): Promise<{ status: number; message: string | undefined }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return { status: error.status, message: error.upstream?.message };
}

beforeAll(async () => {
  server = await startKfpEmulatorServer({
    runTiming: { pendingMs: 150, runningMs: 400, cancelingMs: 150 },
  });
  prism = await startPrismProxy('kfp-v2beta1', server.url);
});

afterAll(async () => {
  await Promise.all([prism?.stop(), server?.stop()]);
});

afterEach(() => {
  expect(violations, prism.output().slice(-2000)).toEqual([]);
});

describe('the KFP state emulator behind Prism', () => {
  it('lists an uploaded pipeline with its versions and finds it by name', async () => {
    const kfp = clientAs('user@example.com');
    const pipeline = await uploadPipeline(kfp, {
      source: { text: PIPELINE_YAML, fileName: 'hello-world.yaml' },
      name: 'hello-world',
      namespace: NAMESPACE,
    });
    expect(pipeline).toMatchObject({
      name: 'hello-world',
      display_name: 'hello-world',
      namespace: NAMESPACE,
    });
    await uploadPipelineVersion(kfp, {
      source: { text: PIPELINE_YAML, fileName: 'v2.yaml' },
      pipelineId: pipeline.pipeline_id!,
      name: 'v2',
    });

    const listed = await collectAll(kfp, '/apis/v2beta1/pipelines', {
      params: { query: { namespace: NAMESPACE } },
    });
    expect(listed.map((item) => item.pipeline_id)).toContain(pipeline.pipeline_id);
    expect((await findPipelineByName(kfp, { name: 'hello-world', namespace: NAMESPACE }))?.pipeline_id).toBe(
      pipeline.pipeline_id,
    );
    const versions = await collectAll(kfp, '/apis/v2beta1/pipelines/{pipeline_id}/versions', {
      params: { path: { pipeline_id: pipeline.pipeline_id! } },
      sortBy: 'created_at desc',
    });
    expect(versions.map((version) => version.name)).toEqual(['v2', 'hello-world']);
    expect(versions[1]?.pipeline_spec).toMatchObject({ pipelineInfo: { name: 'hello-world' } });
  });

  it('moves a run from PENDING through RUNNING to SUCCEEDED, so waitForRunCompletion returns', async () => {
    const kfp = clientAs('user@example.com');
    const pipeline = await uploadPipeline(kfp, {
      source: { text: PIPELINE_YAML, fileName: 'p.yaml' },
      name: 'runs-to-completion',
      namespace: NAMESPACE,
    });
    const experiment = await getOrCreateExperiment(kfp, { name: 'completion', namespace: NAMESPACE });
    const run = await createRun(kfp, {
      displayName: 'nightly',
      experimentId: experiment.experiment_id,
      pipelineVersion: { pipelineId: pipeline.pipeline_id! },
      parameters: { epochs: 3 },
    });
    expect(run.state).toBe('PENDING');
    const seen: string[] = [];
    const finished = await waitForRunCompletion(kfp, run.run_id!, {
      pollIntervalMs: 50,
      timeoutMs: 10_000,
      onPoll: (polled) => seen.push(polled.state ?? ''),
    });
    expect(finished.state).toBe('SUCCEEDED');
    expect(finished.finished_at).toBeDefined();
    expect(finished.state_history?.map((entry) => entry.state)).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
    expect(seen).toContain('RUNNING');
    expect(finished.runtime_config?.parameters).toEqual({ epochs: 3 });
    expect(
      (await getOrCreateExperiment(kfp, { name: 'completion', namespace: NAMESPACE })).last_run_created_at,
    ).toBe(run.created_at);
  });

  it('ends a run of a pipeline named ...-fails FAILED with an error, and terminates another', async () => {
    const kfp = clientAs('user@example.com');
    const experiment = await getOrCreateExperiment(kfp, { name: 'outcomes', namespace: NAMESPACE });
    const doomed = await createRun(kfp, {
      displayName: 'doomed',
      experimentId: experiment.experiment_id,
      pipelineSpec: inlineSpec('always-fails'),
    });
    const failed = await waitForRunCompletion(kfp, doomed.run_id!, { pollIntervalMs: 50, timeoutMs: 10_000 });
    expect(failed.state).toBe('FAILED');
    expect(failed.error?.message).toBeTruthy();

    // A run that never finishes on its own, so the terminate below cannot lose a race with it.
    const stopped = await createRun(kfp, {
      displayName: 'stopped',
      experimentId: experiment.experiment_id,
      pipelineSpec: inlineSpec('stopped-hangs'),
    });
    await terminateRun(kfp, stopped.run_id!);
    expect((await getRun(kfp, stopped.run_id!)).state).toBe('CANCELING');
    const canceled = await waitForRunCompletion(kfp, stopped.run_id!, {
      pollIntervalMs: 50,
      timeoutMs: 10_000,
    });
    expect(canceled.state).toBe('CANCELED');
  });

  it('keeps a run of a pipeline named ...-hangs RUNNING until it is terminated', async () => {
    const kfp = clientAs('user@example.com');
    const experiment = await getOrCreateExperiment(kfp, { name: 'hangs', namespace: NAMESPACE });
    const stuck = await createRun(kfp, {
      displayName: 'stuck',
      experimentId: experiment.experiment_id,
      pipelineSpec: inlineSpec('forever-hangs'),
    });
    const waited = await waitForRunCompletion(kfp, stuck.run_id!, {
      pollIntervalMs: 50,
      timeoutMs: 1_500,
    }).catch((error: unknown) => error);
    expect(waited).toMatchObject({ code: 'KFP_RUN_WAIT_TIMEOUT' });
    expect((await getRun(kfp, stuck.run_id!)).state).toBe('RUNNING');
    await terminateRun(kfp, stuck.run_id!);
    const canceled = await waitForRunCompletion(kfp, stuck.run_id!, {
      pollIntervalMs: 50,
      timeoutMs: 10_000,
    });
    expect(canceled.state).toBe('CANCELED');
  });

  it('decides the outcome from the pipeline version a run references, too', async () => {
    const kfp = clientAs('user@example.com');
    const pipeline = await uploadPipeline(kfp, {
      source: { text: PIPELINE_YAML.replaceAll('hello-world', 'versioned-fails'), fileName: 'f.yaml' },
      name: 'versioned-fails',
      namespace: NAMESPACE,
    });
    const experiment = await getOrCreateExperiment(kfp, { name: 'versioned', namespace: NAMESPACE });
    const run = await createRun(kfp, {
      displayName: 'from-version',
      experimentId: experiment.experiment_id,
      pipelineVersion: { pipelineId: pipeline.pipeline_id! },
    });
    const finished = await waitForRunCompletion(kfp, run.run_id!, { pollIntervalMs: 50, timeoutMs: 10_000 });
    expect(finished.state).toBe('FAILED');
  });

  it('accepts an inline spec wrapped with its platform spec, as kfp.Client sends a two-document YAML', async () => {
    const kfp = clientAs('user@example.com');
    const experiment = await getOrCreateExperiment(kfp, { name: 'inline', namespace: NAMESPACE });
    const platformSpec = { platforms: { kubernetes: { deploymentSpec: { executors: {} } } } };
    const { data, response } = await kfp.POST('/apis/v2beta1/runs', {
      body: {
        display_name: 'wrapped',
        experiment_id: experiment.experiment_id,
        pipeline_spec: { pipeline_spec: inlineSpec('wrapped-pipeline'), platform_spec: platformSpec },
      },
    });
    expect(response.status).toBe(200);
    expect(data?.pipeline_spec).toEqual({
      pipeline_spec: inlineSpec('wrapped-pipeline'),
      platform_spec: platformSpec,
    });
    const finished = await waitForRunCompletion(kfp, data!.run_id!, {
      pollIntervalMs: 50,
      timeoutMs: 10_000,
    });
    expect(finished.state).toBe('SUCCEEDED');
  });

  it.each([
    ['no pipelineInfo.name', { root: { dag: {} }, schemaVersion: '2.1.0' }, 'unknown template format'],
    ['no root', { pipelineInfo: { name: 'x' }, schemaVersion: '2.1.0' }, 'unknown template format'],
    [
      'another schema version',
      { pipelineInfo: { name: 'x' }, root: {}, schemaVersion: '2.0.0' },
      'only supports schema version 2.1.0',
    ],
    ['a wrapped spec without a name', { pipeline_spec: { root: {} } }, 'unknown template format'],
  ])(
    'refuses an inline spec with %s as the server does (500, code 13)',
    async (_name, pipelineSpec, message) => {
      const kfp = clientAs('user@example.com');
      const experiment = await getOrCreateExperiment(kfp, { name: 'inline-refused', namespace: NAMESPACE });
      const { error, response } = await kfp.POST('/apis/v2beta1/runs', {
        body: {
          display_name: 'refused',
          experiment_id: experiment.experiment_id,
          pipeline_spec: pipelineSpec,
        },
      });
      expect(response.status).toBe(500);
      expect(error).toMatchObject({ code: 13, message: expect.stringContaining(message) });
    },
  );

  it('filters, sorts and pages lists the way the API server does', async () => {
    const kfp = clientAs('user@example.com');
    for (const name of ['paging-b', 'paging-a', 'paging-c']) {
      await getOrCreateExperiment(kfp, { name, namespace: NAMESPACE });
    }
    const byName = await collectAll(kfp, '/apis/v2beta1/experiments', {
      params: { query: { namespace: NAMESPACE } },
      filter: kfpFilter('experiments').contains('display_name', 'paging-'),
      sortBy: 'display_name desc',
      pageSize: 1,
    });
    expect(byName.map((experiment) => experiment.display_name)).toEqual(['paging-c', 'paging-b', 'paging-a']);

    const first = await kfp.GET('/apis/v2beta1/experiments', {
      params: { query: { namespace: NAMESPACE, page_size: 2, sort_by: 'display_name' } },
    });
    expect(first.data?.experiments).toHaveLength(2);
    expect(first.data?.next_page_token).toBeTruthy();
    expect(first.data?.total_size).toBeGreaterThanOrEqual(3);

    const bad = await kfp.GET('/apis/v2beta1/experiments', {
      params: { query: { namespace: NAMESPACE, sort_by: 'colour' } },
    });
    expect(bad.response.status).toBe(400);
  });

  it('refuses what the API server refuses, with a google.rpc.Status body', async () => {
    const kfp = clientAs('user@example.com');
    await getOrCreateExperiment(kfp, { name: 'unique', namespace: NAMESPACE });
    const duplicate = kfp.POST('/apis/v2beta1/experiments', {
      body: { display_name: 'unique', namespace: NAMESPACE },
    });
    expect((await duplicate).response.status).toBe(409);

    const noNamespace = await kfp.GET('/apis/v2beta1/experiments');
    expect(noNamespace.response.status).toBe(400);
    expect(noNamespace.error).toMatchObject({ code: 3 });

    const noExperiment = await statusOf(
      createRun(kfp, { displayName: 'orphan', pipelineSpec: inlineSpec('x') }),
    );
    expect(noExperiment).toMatchObject({
      status: 400,
      message: expect.stringContaining('experiment ID is empty'),
    });

    const otherNamespace = await kfp.GET('/apis/v2beta1/runs', {
      params: { query: { namespace: 'team-b' } },
    });
    expect(otherNamespace.response.status).toBe(403);
    expect(otherNamespace.error).toMatchObject({ code: 7 });

    const missingRun = await statusOf(getRun(kfp, 'no-such-run'));
    expect(missingRun.status).toBe(404);

    const notAPipeline = await statusOf(
      uploadPipeline(kfp, { source: { text: 'hello: world\n', fileName: 'x.yaml' }, namespace: NAMESPACE }),
    );
    expect(notAPipeline.status).toBe(400);
  });

  it('requires the user identity the gateway adds in multi-user mode', async () => {
    const anonymous = await clientAs(undefined).GET('/apis/v2beta1/healthz');
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error).toMatchObject({ code: 16 });
  });
});
