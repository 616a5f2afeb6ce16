// How the everyday-task helpers react to state: deployments rolling out and
// failing, resources lingering after a delete, Core v2 readiness, batch jobs
// running, canaries promoted, pages followed and Seldon's error bodies
// mapped. The test bed's Seldon emulator holds the state; its state changes
// count reads, so every wait here is deterministic.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiError,
  addSeldonPipelineCanary,
  collect,
  createSeldonDeployClient,
  createSeldonModel,
  createSeldonPipeline,
  deleteSeldonDeploymentAndWait,
  deleteSeldonPipelineAndWait,
  deployedModelMetadata,
  deploySeldonDeployment,
  explainSeldonDeployment,
  findModelMetadata,
  findSeldonPipelineExperiment,
  getSeldonPipeline,
  inferSeldonDeployment,
  inferSeldonPipeline,
  listBatchJobs,
  listContainerLogs,
  listDeploymentInferenceLogs,
  listModelMetadata,
  promoteSeldonPipelineCanary,
  registerModelMetadata,
  removeSeldonPipelineCanary,
  type SeldonDeployClient,
  type SeldonDeployment,
  SeldonResourceWaitError,
  SeldonWaitError,
  staticTokenAuth,
  submitBatchJob,
  waitForBatchJob,
  waitForSeldonModelReady,
  waitForSeldonPipelineReady,
} from '@ml-platform/seldon-deploy-v1alpha1';
import { createSeldonEmulator, type SeldonEmulator, type SeldonEmulatorOptions } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const IRIS_YAML = `
apiVersion: machinelearning.seldon.io/v1
kind: SeldonDeployment
metadata:
  name: iris
  namespace: prod
spec:
  predictors:
    - name: default
      replicas: 1
      graph:
        name: classifier
        implementation: SKLEARN_SERVER
        modelUri: gs://seldon-models/sklearn/iris
`;

const FAST = { pollIntervalMs: 1 };

function emulated(options: SeldonEmulatorOptions = {}): {
  seldon: SeldonDeployClient;
  emulator: SeldonEmulator;
  requests: string[];
} {
  const emulator = createSeldonEmulator(options);
  const requests: string[] = [];
  const seldon = createSeldonDeployClient({
    baseUrl: 'https://ml.example.com/seldon-deploy/api/v1alpha1',
    auth: staticTokenAuth('state-token'),
    fetch: async (request) => {
      const url = new URL(request.url);
      requests.push(
        `${request.method} ${url.pathname.replace('/seldon-deploy/api/v1alpha1', '')}${url.search}`,
      );
      return emulator.fetch(request);
    },
  });
  return { seldon, emulator, requests };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seldon-manifests-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('deploySeldonDeployment', () => {
  it('creates from YAML text, reports progress, then updates from a JSON file for the new generation', async () => {
    const { seldon, requests } = emulated({ timing: { deploymentReads: 3 } });
    const states: string[] = [];
    const first = await deploySeldonDeployment(
      seldon,
      { text: IRIS_YAML },
      { ...FAST, onPoll: (d) => states.push(`${d.status?.state}@${d.metadata?.generation}`) },
    );
    expect(first.created).toBe(true);
    expect(first.deployment.status?.state).toBe('Available');
    expect(states).toEqual(['Creating@1', 'Creating@1', 'Available@1']);

    const manifest: SeldonDeployment = {
      ...(await import('yaml')).parse(IRIS_YAML),
    };
    const predictor = manifest.spec?.predictors?.[0];
    if (predictor) predictor.replicas = 3;
    const file = join(dir, 'iris.json');
    await writeFile(file, JSON.stringify(manifest));
    requests.length = 0;
    const second = await deploySeldonDeployment(seldon, { path: file }, { ...FAST, message: 'scale to 3' });
    expect(second.created).toBe(false);
    expect(second.deployment.metadata?.generation).toBe(2);
    expect(second.deployment.status?.observedGeneration).toBe(2);
    expect(second.deployment.spec?.predictors?.[0]?.replicas).toBe(3);
    expect(requests).toEqual([
      'GET /namespaces/prod/seldondeployments/iris',
      'PUT /namespaces/prod/seldondeployments/iris?message=scale%20to%203',
      'GET /namespaces/prod/seldondeployments/iris',
      'GET /namespaces/prod/seldondeployments/iris',
      'GET /namespaces/prod/seldondeployments/iris',
    ]);
  });

  it('fails fast with the controller description and the failing condition', async () => {
    const { seldon, requests } = emulated({
      deploymentOutcome: () => ({
        state: 'Failed',
        description: 'Deployment iris-default-0-classifier failed',
        condition: {
          type: 'DeploymentsReady',
          reason: 'ImagePullBackOff',
          message: 'image seldonio/sklearnserver:9.9 not found',
        },
      }),
    });
    const error = await deploySeldonDeployment(seldon, { text: IRIS_YAML }, FAST).catch((e) => e);
    expect(error).toBeInstanceOf(SeldonWaitError);
    expect(error).toMatchObject({
      code: 'SELDON_DEPLOYMENT_FAILED',
      namespace: 'prod',
      deploymentName: 'iris',
      lastState: 'Failed',
    });
    expect(error.message).toBe(
      'SeldonDeployment prod/iris is in state Failed: Deployment iris-default-0-classifier failed; failing condition ' +
        'DeploymentsReady=False (ImagePullBackOff): image seldonio/sklearnserver:9.9 not found. Fix the spec or image and update the deployment.',
    );
    // Created, then polled until the state was Failed (2 reads), not until a timeout.
    expect(requests).toHaveLength(4);
  });

  it("surfaces the API's conflict when the manifest's resourceVersion is stale, as an ApiError with Seldon's error body", async () => {
    const { seldon } = emulated();
    await deploySeldonDeployment(seldon, { text: IRIS_YAML }, FAST);
    const stale = `${IRIS_YAML.replace('  namespace: prod', '  namespace: prod\n  resourceVersion: "1"')}`;
    const error = await deploySeldonDeployment(seldon, { text: stale }, FAST).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'API_HTTP_STATUS',
      status: 409,
      method: 'PUT',
      upstream: { code: 409, message: expect.stringContaining('the object has been modified') },
      requestId: expect.stringMatching(/^emulated-request-\d+$/),
    });
    expect(error.message).toContain(
      'PUT https://ml.example.com/seldon-deploy/api/v1alpha1/namespaces/prod/seldondeployments/iris failed with HTTP 409',
    );
    expect(error.message).toContain(`(request id ${error.requestId})`);
    expect(error.message).not.toContain('state-token');
  });

  it('refuses unreadable and invalid manifests with what is wrong, before any request', async () => {
    const { seldon, requests } = emulated();
    const missing = join(dir, 'missing.yaml');
    await expect(deploySeldonDeployment(seldon, { path: missing })).rejects.toMatchObject({
      code: 'SELDON_MANIFEST_UNREADABLE',
      message: expect.stringContaining(`'${missing}' (FILE_NOT_FOUND)`),
    });
    await expect(deploySeldonDeployment(seldon, { text: 'metadata: [unclosed' })).rejects.toMatchObject({
      code: 'SELDON_MANIFEST_INVALID',
      message: expect.stringMatching(/^the manifest text is not valid YAML or JSON: .*line 1/),
    });
    await expect(
      deploySeldonDeployment(seldon, {
        text: IRIS_YAML.replace('kind: SeldonDeployment', 'kind: Deployment'),
      }),
    ).rejects.toMatchObject({
      code: 'SELDON_MANIFEST_INVALID',
      message: "the manifest text has kind 'Deployment', expected 'SeldonDeployment'.",
    });
    await expect(
      deploySeldonDeployment(seldon, { text: `${IRIS_YAML}---\n${IRIS_YAML}` }),
    ).rejects.toMatchObject({
      code: 'SELDON_MANIFEST_INVALID',
      message: expect.stringContaining('holds 2 YAML documents'),
    });
    await expect(
      deploySeldonDeployment(seldon, { kind: 'SeldonDeployment', spec: {} }),
    ).rejects.toMatchObject({
      code: 'SELDON_MANIFEST_INVALID',
      message: "the manifest object has no metadata.name (e.g. metadata: { name: 'iris' }).",
    });
    expect(requests).toEqual([]);
  });
});

describe('deleteSeldonDeploymentAndWait', () => {
  it('deletes and polls until the API no longer finds the deployment; already gone is fine', async () => {
    const { seldon, requests } = emulated({ timing: { deletionReads: 3 } });
    await deploySeldonDeployment(seldon, { text: IRIS_YAML }, FAST);
    requests.length = 0;
    await deleteSeldonDeploymentAndWait(seldon, 'prod', 'iris', FAST);
    expect(requests).toEqual([
      'DELETE /namespaces/prod/seldondeployments/iris',
      'GET /namespaces/prod/seldondeployments/iris',
      'GET /namespaces/prod/seldondeployments/iris',
      'GET /namespaces/prod/seldondeployments/iris',
    ]);
    await deleteSeldonDeploymentAndWait(seldon, 'prod', 'iris', FAST);
    expect(requests.slice(4)).toEqual(['DELETE /namespaces/prod/seldondeployments/iris']);
  });

  it('times out naming the deployment when it stays', async () => {
    const { seldon } = emulated({ timing: { deletionReads: 1_000_000 } });
    await deploySeldonDeployment(seldon, { text: IRIS_YAML }, FAST);
    const error = await deleteSeldonDeploymentAndWait(seldon, 'prod', 'iris', {
      ...FAST,
      timeoutMs: 50,
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SELDON_WAIT_TIMEOUT', deploymentName: 'iris' });
    expect(error.lastDeployment.metadata.deletionTimestamp).toEqual(expect.any(String));
  });
});

describe('inference against a rolled-out deployment', () => {
  it('answers a V2 request with typed outputs, and an explain without explainer with an ApiError', async () => {
    const { seldon } = emulated();
    await deploySeldonDeployment(seldon, { text: IRIS_YAML }, FAST);
    const answer = await inferSeldonDeployment(seldon, 'prod', 'iris', {
      inputs: [
        {
          name: 'predict',
          shape: [2, 4],
          datatype: 'FP32',
          data: [
            [5.1, 3.5, 1.4, 0.2],
            [6.2, 3.4, 5.4, 2.3],
          ],
        },
      ],
    });
    expect(answer.outputs[0]).toMatchObject({ name: 'predict', shape: [2, 1], data: [1, 1] });
    const error = await explainSeldonDeployment(seldon, 'prod', 'iris', {
      data: { ndarray: [[1, 2, 3, 4]] },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 500,
      upstream: { message: 'seldondeployment iris has no explainer' },
    });
  });
});

describe('Seldon Core v2 models and pipelines', () => {
  const model = {
    apiVersion: 'mlops.seldon.io/v1alpha1',
    kind: 'Model',
    metadata: { name: 'iris', namespace: 'prod' },
    spec: { storageUri: 'gs://seldon-models/mlserver/iris', requirements: ['sklearn'] },
  };
  const pipeline = (name: string, step = 'iris') => ({
    apiVersion: 'mlops.seldon.io/v1alpha1',
    kind: 'Pipeline',
    metadata: { name, namespace: 'prod' },
    spec: { steps: [{ name: step }], output: { steps: [step] } },
  });

  it('waits until a model and a pipeline are Ready', async () => {
    const { seldon } = emulated({ timing: { coreV2Reads: 3 } });
    await createSeldonModel(seldon, model);
    const seen: string[] = [];
    const ready = await waitForSeldonModelReady(seldon, 'prod', 'iris', {
      ...FAST,
      onPoll: (m) => seen.push(m.status?.conditions?.map((c) => `${c.type}=${c.status}`).join(',') ?? ''),
    });
    expect(seen).toEqual([
      'ModelReady=False,Ready=False',
      'ModelReady=False,Ready=False',
      'ModelReady=True,Ready=True',
    ]);
    expect(ready.metadata?.name).toBe('iris');
    await createSeldonPipeline(seldon, pipeline('iris-pipeline'));
    const readyPipeline = await waitForSeldonPipelineReady(seldon, 'prod', 'iris-pipeline', FAST);
    expect(readyPipeline.status?.conditions?.find((c) => c.type === 'PipelineReady')?.status).toBe('True');
  });

  it('fails fast when the scheduler cannot place the model', async () => {
    const { seldon, requests } = emulated({
      coreV2Outcome: () => ({
        ready: false,
        reason: 'ScheduleFailed',
        message: 'failed to schedule model iris: no matching servers',
      }),
    });
    await createSeldonModel(seldon, model);
    const error = await waitForSeldonModelReady(seldon, 'prod', 'iris', FAST).catch((e) => e);
    expect(error).toBeInstanceOf(SeldonResourceWaitError);
    expect(error).toMatchObject({
      code: 'SELDON_RESOURCE_FAILED',
      kind: 'Model',
      resourceName: 'iris',
      lastState: 'Ready=False (ScheduleFailed)',
      message:
        'Model prod/iris failed: ModelReady=False (ScheduleFailed): failed to schedule model iris: no matching servers. Fix the spec (storage URI, requirements, server) and update it.',
    });
    expect(requests).toHaveLength(3);
  });

  it('sends a V2 request to a pipeline as its predictFile and answers the typed outputs', async () => {
    const { seldon } = emulated();
    await createSeldonPipeline(seldon, pipeline('iris-pipeline'));
    const answer = await inferSeldonPipeline(seldon, 'prod', 'iris-pipeline', {
      id: 'req-7',
      inputs: [
        { name: 'predict', shape: [3, 4], datatype: 'FP64', data: Array.from({ length: 12 }, () => 1) },
      ],
    });
    expect(answer).toMatchObject({ id: 'req-7', outputs: [{ name: 'predict', shape: [3, 1] }] });
  });

  it('deletes a pipeline and waits until it is gone', async () => {
    const { seldon, emulator } = emulated();
    await createSeldonPipeline(seldon, pipeline('iris-pipeline'));
    await deleteSeldonPipelineAndWait(seldon, 'prod', 'iris-pipeline', FAST);
    expect(emulator.snapshot().pipelines).toBe(0);
  });

  it('runs a canary, promotes it into the pipeline, and reports a missing canary as a 404 ApiError', async () => {
    const { seldon } = emulated();
    await createSeldonPipeline(seldon, pipeline('iris-pipeline'));
    await createSeldonPipeline(seldon, pipeline('iris-pipeline-canary', 'iris-v2'));
    await addSeldonPipelineCanary(seldon, 'prod', 'iris-pipeline', { weight: 20 });
    expect((await findSeldonPipelineExperiment(seldon, 'prod', 'iris-pipeline'))?.spec?.candidates).toEqual([
      { name: 'iris-pipeline', weight: 80 },
      { name: 'iris-pipeline-canary', weight: 20 },
    ]);
    await promoteSeldonPipelineCanary(seldon, 'prod', 'iris-pipeline');
    expect(await findSeldonPipelineExperiment(seldon, 'prod', 'iris-pipeline')).toBeUndefined();
    const promoted = await waitForSeldonPipelineReady(seldon, 'prod', 'iris-pipeline', FAST);
    expect(promoted.spec?.steps).toEqual([{ name: 'iris-v2' }]);
    expect((await getSeldonPipeline(seldon, 'prod', 'iris-pipeline')).metadata?.generation).toBe(2);
    await expect(removeSeldonPipelineCanary(seldon, 'prod', 'iris-pipeline')).rejects.toMatchObject({
      status: 404,
      upstream: { message: 'canary of pipeline iris-pipeline in namespace prod not found' },
    });
  });
});

describe('batch jobs', () => {
  const target = { namespace: 'prod', seldonDeployment: 'iris' };
  const definition = {
    inputData: 's3://data/iris/input.txt',
    outputData: 's3://data/iris/output.txt',
    batchSize: 10,
  };

  it('waits through Pending and Running and answers where the results are', async () => {
    const { seldon } = emulated();
    await deploySeldonDeployment(seldon, { text: IRIS_YAML }, FAST);
    const { workflowName } = await submitBatchJob(seldon, target, definition);
    const phases: (string | undefined)[] = [];
    const result = await waitForBatchJob(seldon, target, workflowName, {
      ...FAST,
      onPoll: (job) => phases.push(job.Description?.workflowStatus),
    });
    expect(phases).toEqual(['Pending', 'Running', 'Succeeded']);
    expect(result).toMatchObject({
      jobName: workflowName,
      status: 'Succeeded',
      outputData: 's3://data/iris/output.txt',
      inputData: 's3://data/iris/input.txt',
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
  });

  it('throws SELDON_BATCH_JOB_FAILED when the workflow fails, and SELDON_WAIT_ABORTED when cancelled', async () => {
    const { seldon } = emulated({ batchJobOutcome: () => 'Failed' });
    await deploySeldonDeployment(seldon, { text: IRIS_YAML }, FAST);
    const failed = await submitBatchJob(seldon, target, definition);
    await expect(waitForBatchJob(seldon, target, failed.workflowName, FAST)).rejects.toMatchObject({
      code: 'SELDON_BATCH_JOB_FAILED',
      kind: 'BatchJob',
      lastState: 'Failed',
      message: expect.stringContaining(`Batch job ${failed.workflowName} of prod/iris ended Failed.`),
    });
    const running = await submitBatchJob(seldon, target, definition);
    const stop = new AbortController();
    const error = await waitForBatchJob(seldon, target, running.workflowName, {
      ...FAST,
      signal: stop.signal,
      onPoll: () => stop.abort(new Error('pipeline cancelled')),
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SELDON_WAIT_ABORTED', lastState: 'Pending' });
    expect(error.cause).toMatchObject({ message: 'pipeline cancelled' });
  });

  it('lists every job across pages, newest first', async () => {
    const { seldon, requests } = emulated();
    await deploySeldonDeployment(seldon, { text: IRIS_YAML }, FAST);
    const names: string[] = [];
    for (let i = 0; i < 5; i += 1)
      names.push((await submitBatchJob(seldon, target, definition)).workflowName);
    requests.length = 0;
    const listed = await collect(listBatchJobs(seldon, target, { pageSize: 2 }));
    expect(listed.map((job) => job.workflowName)).toEqual([...names].reverse());
    expect(requests).toEqual([
      'GET /namespaces/prod/seldondeployments/iris/batchjobs?limit=2&Page=0',
      'GET /namespaces/prod/seldondeployments/iris/batchjobs?limit=2&Page=1',
      'GET /namespaces/prod/seldondeployments/iris/batchjobs?limit=2&Page=2',
    ]);
  });
});

describe('model catalog', () => {
  it('registers, pages, finds, refuses a duplicate with the gRPC status, and joins deployed models', async () => {
    const { seldon, requests } = emulated();
    for (const version of ['v1', 'v2', 'v3', 'v4', 'v5']) {
      await registerModelMetadata(seldon, {
        URI: `gs://models/iris/${version}`,
        name: 'iris',
        version,
        artifactType: 'SKLEARN',
      });
    }
    requests.length = 0;
    const all = await collect(listModelMetadata(seldon, { name: 'iris' }, { pageSize: 2 }));
    expect(all.map((model) => model.version)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    expect(requests).toHaveLength(3);
    expect(await findModelMetadata(seldon, 'gs://models/iris/v4')).toMatchObject({ version: 'v4' });
    expect(await findModelMetadata(seldon, 'gs://models/iris/v9')).toBeUndefined();

    const duplicate = await registerModelMetadata(seldon, { URI: 'gs://models/iris/v1' }).catch((e) => e);
    expect(duplicate).toBeInstanceOf(ApiError);
    expect(duplicate).toMatchObject({
      status: 409,
      upstream: {
        code: 6,
        message: 'model metadata for URI gs://models/iris/v1 already exists',
        details: [],
      },
    });

    await deploySeldonDeployment(
      seldon,
      { text: IRIS_YAML.replace('gs://seldon-models/sklearn/iris', 'gs://models/iris/v2') },
      FAST,
    );
    const [runtime, ...others] = await deployedModelMetadata(seldon, 'prod', 'iris');
    expect(others).toEqual([]);
    expect(runtime).toMatchObject({
      predictorName: 'default',
      nodeName: 'classifier',
      model: { version: 'v2' },
    });
  });
});

describe('logs', () => {
  it('pages request logs and container logs to the end', async () => {
    const { seldon, emulator, requests } = emulated();
    emulator.seedLogs({
      inference: [1, 2, 3, 4, 5].map((n) => ({
        namespace: 'prod',
        deployment: 'iris',
        predictor: 'default',
        container: 'classifier',
        requestId: `r-${n}`,
        timestamp: `2026-01-0${n}T00:00:00Z`,
        request: { data: { ndarray: [[n]] } },
        response: { data: { ndarray: [[0]] } },
      })),
      application: [1, 2, 3, 4, 5].map((n) => ({
        namespace: 'prod',
        pod: 'iris-default-0-classifier-abc',
        container: 'classifier',
        timestamp: `2026-01-01T00:00:0${n}Z`,
        message: `line ${n}`,
      })),
    });
    const logs = await collect(
      listDeploymentInferenceLogs(
        seldon,
        { namespace: 'prod', deployment: 'iris', predictor: 'default', container: 'classifier' },
        { pageSize: 2, startTime: '2026-01-02T00:00:00Z' },
      ),
    );
    expect(logs.map((log) => log.requestId)).toEqual(['r-2', 'r-3', 'r-4', 'r-5']);
    expect(requests).toHaveLength(2);
    requests.length = 0;
    const lines = await collect(
      listContainerLogs(
        seldon,
        { namespace: 'prod', pod: 'iris-default-0-classifier-abc', container: 'classifier' },
        { pageSize: 2 },
      ),
    );
    expect(lines.map((line) => line.message)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
    expect(requests).toHaveLength(3);
  });
});

describe('Seldon error bodies', () => {
  it("maps a request without credentials to a 401 ApiError carrying Seldon's code, message and request id", async () => {
    const emulator = createSeldonEmulator();
    const seldon = createSeldonDeployClient({
      baseUrl: 'https://ml.example.com/seldon-deploy/api/v1alpha1',
      fetch: (request) => emulator.fetch(request),
    });
    const error = await getSeldonPipeline(seldon, 'prod', 'iris').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 401,
      upstream: { code: 401, message: 'unauthorized' },
      requestId: expect.stringMatching(/^emulated-request-/),
    });
  });
});
