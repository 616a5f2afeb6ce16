// Request shapes of the everyday-task helpers, each checked by a Prism mock
// that validates every request against the pinned v1alpha1 spec. Prism
// answers with the spec's examples, so only what was sent is asserted here;
// how the helpers react to state is in tasks-state.test.ts.
import {
  addSeldonPipelineCanary,
  addSeldonPipelineShadow,
  collect,
  createSeldonDeployClient,
  createSeldonModel,
  createSeldonPipeline,
  deleteModelMetadata,
  deleteSeldonModel,
  deleteSeldonPipeline,
  deployedModelMetadata,
  explainSeldonDeployment,
  explainSeldonPipeline,
  findModelMetadata,
  findSeldonPipelineExperiment,
  getBatchJob,
  getSeldonModel,
  getSeldonPipeline,
  InvalidInferenceRequestError,
  inferSeldonDeployment,
  inferSeldonPipeline,
  listBatchJobs,
  listContainerLogs,
  listDeploymentInferenceLogSummaries,
  listDeploymentInferenceLogs,
  listModelInferenceLogs,
  listModelMetadata,
  listSeldonPipelineModels,
  listSeldonPipelines,
  promoteSeldonPipelineCanary,
  promoteSeldonPipelineShadow,
  registerModelMetadata,
  removeSeldonPipelineCanary,
  removeSeldonPipelineShadow,
  type SeldonDeployClient,
  type SeldonModel,
  type SeldonPipeline,
  staticTokenAuth,
  submitBatchJob,
  updateModelMetadata,
  updateSeldonModel,
  updateSeldonPipeline,
} from '@ml-platform/seldon-deploy-v1alpha1';
import { type PrismServer, startPrism } from '@ml-platform/testbed';
import { type PrismRecorder, recordPrismExchanges } from '@ml-platform/testbed/fetch-fakes/index';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const IRIS_MODEL: SeldonModel = {
  apiVersion: 'mlops.seldon.io/v1alpha1',
  kind: 'Model',
  metadata: { name: 'iris', namespace: 'prod' },
  spec: { storageUri: 'gs://seldon-models/mlserver/iris', requirements: ['sklearn'] },
};

const IRIS_PIPELINE: SeldonPipeline = {
  apiVersion: 'mlops.seldon.io/v1alpha1',
  kind: 'Pipeline',
  metadata: { name: 'iris-pipeline', namespace: 'prod' },
  spec: { steps: [{ name: 'iris' }], output: { steps: ['iris'] } },
};

const V2_REQUEST = {
  inputs: [{ name: 'predict', shape: [1, 4], datatype: 'FP32' as const, data: [5.1, 3.5, 1.4, 0.2] }],
};

let prism: PrismServer;
let recorder: PrismRecorder;
let seldon: SeldonDeployClient;

beforeAll(async () => {
  prism = await startPrism('seldon-deploy-v1alpha1');
});

afterAll(async () => {
  await prism?.stop();
});

beforeEach(() => {
  recorder = recordPrismExchanges();
  seldon = createSeldonDeployClient({
    baseUrl: prism.url,
    auth: staticTokenAuth('test-token'),
    fetch: recorder.fetch,
  });
});

const sentBody = (index = 0) => JSON.parse(recorder.exchanges[index]?.body ?? 'null');

describe('inference', () => {
  it('posts an Open Inference Protocol request to a deployment and to a pipeline (as predictFile)', async () => {
    await inferSeldonDeployment(seldon, 'prod', 'iris', V2_REQUEST);
    await inferSeldonPipeline(seldon, 'prod', 'iris-pipeline', V2_REQUEST);
    expect(recorder.calls()).toEqual([
      'POST /namespaces/prod/seldondeployments/iris/predict',
      'POST /namespaces/prod/pipelines/iris-pipeline/predictfile',
    ]);
    expect(sentBody(0)).toEqual(V2_REQUEST);
    expect(recorder.exchanges[1]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(recorder.exchanges[1]?.body).toContain('name="predictFile"; filename="request.json"');
    expect(recorder.exchanges[1]?.body).toContain(JSON.stringify(V2_REQUEST));
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('refuses a malformed V2 request before sending it', async () => {
    await expect(
      inferSeldonDeployment(seldon, 'prod', 'iris', {
        inputs: [{ name: 'predict', shape: [2, 4], datatype: 'FP32', data: [5.1, 3.5, 1.4, 0.2] }],
      }),
    ).rejects.toMatchObject({
      code: 'SELDON_INFERENCE_REQUEST_INVALID',
      problems: ['request.inputs[0] has 4 data elements but shape [2, 4] needs 8'],
    });
    await expect(
      inferSeldonDeployment(seldon, 'prod', 'iris', {
        // @ts-expect-error: a datatype the protocol does not have
        inputs: [{ name: 'x', shape: [1], datatype: 'FLOAT', data: [1] }],
      }),
    ).rejects.toMatchObject({
      code: 'SELDON_INFERENCE_REQUEST_INVALID',
      message: expect.stringContaining('datatype must be one of BOOL'),
    });
    expect(recorder.exchanges).toHaveLength(0);
  });

  it('checks every value against its datatype and lists every problem in one error, no value echoed', async () => {
    const error = await inferSeldonPipeline(seldon, 'prod', 'iris-pipeline', {
      inputs: [
        // A string where FP32 needs numbers (the type allows strings: BYTES tensors hold them).
        { name: 'features', shape: [1, 2], datatype: 'FP32', data: [[1.5, 'secret-value']] },
        { name: 'flags', shape: [2], datatype: 'INT64', data: [true, 2] },
        { name: 'small', shape: [3], datatype: 'INT32', data: [1.5, 2 ** 31, -1] },
        { name: 'mask', shape: [1], datatype: 'BOOL', data: [1] },
        { name: 'u8', shape: [1], datatype: 'UINT8', data: [-1] },
      ],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInferenceRequestError);
    expect(error.code).toBe('SELDON_INFERENCE_REQUEST_INVALID');
    expect(error.problems).toEqual([
      'request.inputs[0].data[0][1] is a string, FP32 needs a finite number',
      'request.inputs[1].data[0] is a boolean, INT64 needs a finite number',
      'request.inputs[2].data[0] is not an integer, INT32 needs one',
      "request.inputs[2].data[1] is out of INT32's range -2147483648..2147483647",
      'request.inputs[3].data[0] is a number, BOOL needs true or false',
      "request.inputs[4].data[0] is out of UINT8's range 0..255",
    ]);
    expect(error.message).toContain('6 problems');
    expect(error.message).not.toContain('secret-value');
    expect(recorder.exchanges).toHaveLength(0);
  });

  it('refuses cyclic and deeply nested data with the coded error, not a RangeError', async () => {
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    let deep: unknown[] = [1];
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    for (const data of [cyclic, deep]) {
      const error = await inferSeldonDeployment(seldon, 'prod', 'iris', {
        inputs: [{ name: 'x', shape: [2], datatype: 'FP64', data: data as never }],
      }).catch((e) => e);
      expect(error.code).toBe('SELDON_INFERENCE_REQUEST_INVALID');
    }
    const cyclicError = await inferSeldonDeployment(seldon, 'prod', 'iris', {
      inputs: [{ name: 'x', shape: [1], datatype: 'FP64', data: cyclic as never }],
    }).catch((e) => e);
    expect(cyclicError.problems).toEqual([
      'request.inputs[0].data[1] contains the array that holds it (cyclic data cannot be sent as JSON)',
    ]);
    expect(recorder.exchanges).toHaveLength(0);
  });

  it('posts explanation requests to a deployment and a pipeline', async () => {
    const payload = { data: { ndarray: [[5.1, 3.5, 1.4, 0.2]] } };
    await explainSeldonDeployment(seldon, 'prod', 'iris', payload);
    await explainSeldonPipeline(seldon, 'prod', 'iris-pipeline', V2_REQUEST);
    expect(recorder.calls()).toEqual([
      'POST /namespaces/prod/seldondeployments/iris/explain',
      'POST /namespaces/prod/pipelines/iris-pipeline/explain',
    ]);
    expect(sentBody(0)).toEqual(payload);
    expect(recorder.requestViolations()).toEqual([]);
  });
});

describe('Seldon Core v2 models and pipelines', () => {
  it('creates, reads, updates and deletes a model with its manifest and GitOps message', async () => {
    await createSeldonModel(seldon, IRIS_MODEL, { action: 'create', message: 'iris on mlserver' });
    await getSeldonModel(seldon, 'prod', 'iris');
    await updateSeldonModel(seldon, { ...IRIS_MODEL, spec: { ...IRIS_MODEL.spec, replicas: 2 } });
    await deleteSeldonModel(seldon, 'prod', 'iris', { message: 'retire' });
    await listSeldonPipelineModels(seldon, 'prod', 'iris-pipeline');
    expect(recorder.calls({ query: true })).toEqual([
      'POST /namespaces/prod/models?action=create&message=iris%20on%20mlserver',
      'GET /namespaces/prod/models/iris',
      'PUT /namespaces/prod/models/iris',
      'DELETE /namespaces/prod/models/iris?message=retire',
      'GET /namespaces/prod/pipelines/iris-pipeline/models',
    ]);
    expect(sentBody(0)).toEqual(IRIS_MODEL);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('lists, creates, reads, updates and deletes pipelines', async () => {
    expect(await listSeldonPipelines(seldon, 'prod')).toHaveLength(1);
    await createSeldonPipeline(seldon, IRIS_PIPELINE);
    await getSeldonPipeline(seldon, 'prod', 'iris-pipeline');
    await updateSeldonPipeline(seldon, IRIS_PIPELINE, { action: 'update' });
    await deleteSeldonPipeline(seldon, 'prod', 'iris-pipeline');
    expect(recorder.calls({ query: true })).toEqual([
      'GET /namespaces/prod/pipelines',
      'POST /namespaces/prod/pipelines',
      'GET /namespaces/prod/pipelines/iris-pipeline',
      'PUT /namespaces/prod/pipelines/iris-pipeline?action=update',
      'DELETE /namespaces/prod/pipelines/iris-pipeline',
    ]);
    expect(sentBody(1)).toEqual(IRIS_PIPELINE);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('refuses a manifest without a name or with a contradicting namespace, sending nothing', async () => {
    await expect(createSeldonModel(seldon, { spec: {} })).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
      message: expect.stringContaining('model.metadata.name must be a non-empty string'),
    });
    await expect(createSeldonPipeline(seldon, IRIS_PIPELINE, { namespace: 'staging' })).rejects.toMatchObject(
      {
        code: 'CONFIG_INVALID_OPTION',
        message: expect.stringContaining("differs from pipeline.metadata.namespace 'prod'"),
      },
    );
    expect(recorder.exchanges).toHaveLength(0);
  });
});

describe('canary and shadow of a pipeline', () => {
  it('adds, promotes and removes a canary and a shadow', async () => {
    await addSeldonPipelineCanary(seldon, 'prod', 'iris-pipeline', { weight: 10, message: 'try v2' });
    await promoteSeldonPipelineCanary(seldon, 'prod', 'iris-pipeline');
    await removeSeldonPipelineCanary(seldon, 'prod', 'iris-pipeline');
    await addSeldonPipelineShadow(seldon, 'prod', 'iris-pipeline');
    await promoteSeldonPipelineShadow(seldon, 'prod', 'iris-pipeline');
    await removeSeldonPipelineShadow(seldon, 'prod', 'iris-pipeline', { action: 'remove-shadow' });
    await findSeldonPipelineExperiment(seldon, 'prod', 'iris-pipeline');
    expect(recorder.calls({ query: true })).toEqual([
      'POST /namespaces/prod/pipelines/iris-pipeline/experiment/canary?message=try%20v2&weight=10',
      'PUT /namespaces/prod/pipelines/iris-pipeline/experiment/canary',
      'DELETE /namespaces/prod/pipelines/iris-pipeline/experiment/canary',
      'POST /namespaces/prod/pipelines/iris-pipeline/experiment/shadow',
      'PUT /namespaces/prod/pipelines/iris-pipeline/experiment/shadow',
      'DELETE /namespaces/prod/pipelines/iris-pipeline/experiment/shadow?action=remove-shadow',
      'GET /namespaces/prod/pipelines/iris-pipeline/experiment',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('refuses a weight outside 0..100', async () => {
    await expect(
      addSeldonPipelineCanary(seldon, 'prod', 'iris-pipeline', { weight: 150 }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
      message: 'weight must be an integer from 0 to 100 (percent of traffic), got 150.',
    });
    expect(recorder.exchanges).toHaveLength(0);
  });
});

describe('batch jobs', () => {
  const definition = {
    inputData: 's3://data/iris/input.txt',
    outputData: 's3://data/iris/output.txt',
    batchDataType: 'data',
    batchPayloadType: 'ndarray',
    batchSize: 10,
    batchWorkers: 2,
    objectStoreSecretName: 'minio-bucket',
  };

  it('submits, reads and pages the jobs of a deployment and of a pipeline', async () => {
    const submitted = await submitBatchJob(
      seldon,
      { namespace: 'prod', seldonDeployment: 'iris' },
      definition,
    );
    expect(submitted.workflowName).toBe('string');
    await getBatchJob(seldon, { namespace: 'prod', seldonDeployment: 'iris' }, 'iris-batch-1');
    await submitBatchJob(seldon, { namespace: 'prod', pipeline: 'iris-pipeline' }, definition);
    await getBatchJob(seldon, { namespace: 'prod', pipeline: 'iris-pipeline' }, 'iris-batch-2');
    // Prism's example page is one job; `limit` stops there (its page number is a placeholder).
    await collect(
      listBatchJobs(seldon, { namespace: 'prod', seldonDeployment: 'iris' }, { pageSize: 5, limit: 1 }),
    );
    await collect(listBatchJobs(seldon, { namespace: 'prod', pipeline: 'iris-pipeline' }, { limit: 1 }));
    expect(recorder.calls({ query: true })).toEqual([
      'POST /namespaces/prod/seldondeployments/iris/batchjobs',
      'GET /namespaces/prod/seldondeployments/iris/batchjobs/iris-batch-1',
      'POST /namespaces/prod/pipelines/iris-pipeline/batchjobs',
      'GET /namespaces/prod/pipelines/iris-pipeline/batchjobs/iris-batch-2',
      'GET /namespaces/prod/seldondeployments/iris/batchjobs?limit=5&Page=0',
      'GET /namespaces/prod/pipelines/iris-pipeline/batchjobs?Page=0',
    ]);
    expect(sentBody(0)).toEqual(definition);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('refuses a job without input or output location, or without a target', async () => {
    await expect(
      submitBatchJob(seldon, { namespace: 'prod', seldonDeployment: 'iris' }, { inputData: 's3://in' }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
      message: expect.stringContaining('definition.outputData'),
    });
    await expect(
      // @ts-expect-error: neither a deployment nor a pipeline
      submitBatchJob(seldon, { namespace: 'prod' }, definition),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
      message: 'target must name a seldonDeployment or a pipeline.',
    });
    expect(recorder.exchanges).toHaveLength(0);
  });
});

describe('model catalog', () => {
  const model = {
    URI: 'gs://seldon-models/sklearn/iris',
    name: 'iris',
    version: 'v1.0.0',
    artifactType: 'SKLEARN' as const,
    taskType: 'classification',
    tags: { team: 'ml' },
  };

  it('registers, updates, lists with filters (asking no more than limit) and deletes entries', async () => {
    await registerModelMetadata(seldon, model);
    await updateModelMetadata(seldon, { ...model, version: 'v1.0.1' });
    await collect(
      listModelMetadata(seldon, { name: 'iris', artifactType: 'SKLEARN' }, { pageSize: 50, limit: 1 }),
    );
    await deleteModelMetadata(seldon, model.URI);
    expect(recorder.calls({ query: true })).toEqual([
      'POST /model/metadata',
      'PUT /model/metadata',
      'GET /model/metadata?name=iris&artifactType=SKLEARN&pageSize=1',
      'DELETE /model/metadata?URI=gs%3A%2F%2Fseldon-models%2Fsklearn%2Firis',
    ]);
    expect(sentBody(0)).toEqual(model);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('follows the page token, and stops when a page token comes back unchanged', async () => {
    // Prism answers every page with the example token "string": a server ignoring the token.
    await expect(
      findModelMetadata(seldon, 'gs://elsewhere/model', { project: 'default' }),
    ).rejects.toMatchObject({
      code: 'SELDON_PAGE_REPEATED',
    });
    await expect(deployedModelMetadata(seldon, 'prod', 'iris')).rejects.toMatchObject({
      code: 'SELDON_PAGE_REPEATED',
    });
    expect(recorder.calls({ query: true })).toEqual([
      'GET /model/metadata?URI=gs%3A%2F%2Felsewhere%2Fmodel&project=default',
      'GET /model/metadata?URI=gs%3A%2F%2Felsewhere%2Fmodel&project=default&pageToken=string',
      'GET /model/metadata/runtime?DeploymentNamespace=prod&DeploymentName=iris',
      'GET /model/metadata/runtime?DeploymentNamespace=prod&DeploymentName=iris&pageToken=string',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });
});

describe('logs', () => {
  it('reads request logs of a deployment container and of a pipeline model, and which exist', async () => {
    await collect(
      listDeploymentInferenceLogs(
        seldon,
        { namespace: 'prod', deployment: 'iris', predictor: 'default', container: 'classifier' },
        { startTime: new Date('2026-01-01T00:00:00Z'), pageSize: 25, limit: 1 },
      ),
    );
    await collect(
      listModelInferenceLogs(
        seldon,
        { namespace: 'prod', pipeline: 'iris-pipeline', model: 'iris' },
        { limit: 1 },
      ),
    );
    await listDeploymentInferenceLogSummaries(seldon, { namespace: 'prod', deployment: 'iris' });
    expect(recorder.calls({ query: true })).toEqual([
      'POST /inference-logs/namespace/prod/seldondeployments/iris',
      'POST /inference-logs/namespace/prod/pipelines/iris-pipeline/models/iris',
      'GET /inference-logs/seldondeployments?namespace=prod&deploymentName=iris',
    ]);
    expect(sentBody(0)).toEqual({
      predictorName: 'default',
      containerName: 'classifier',
      startTime: '2026-01-01T00:00:00.000Z',
      limit: 1,
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('reads container logs from the start, a page at a time', async () => {
    await collect(
      listContainerLogs(
        seldon,
        { namespace: 'prod', pod: 'iris-default-0-classifier-abc', container: 'classifier' },
        { pageSize: 50, limit: 1 },
      ),
    );
    expect(recorder.calls()).toEqual(['POST /applicationlogs']);
    expect(sentBody(0)).toEqual({
      deployment_namespace: 'prod',
      pod_name: 'iris-default-0-classifier-abc',
      container_name: 'classifier',
      from: 0,
      size: 1,
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('refuses a start time that is not a time', async () => {
    expect(() =>
      listDeploymentInferenceLogs(
        seldon,
        { namespace: 'prod', deployment: 'iris', predictor: 'default', container: 'classifier' },
        { startTime: 'yesterday' },
      ),
    ).toThrow(/startTime must be a Date or an RFC 3339 time/);
  });
});
