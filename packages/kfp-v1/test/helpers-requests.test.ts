// Request shapes of the KFP v1 helpers, checked by a Prism mock that validates
// every request against the v1beta1 spec (path, query, body, security).
import {
  archiveExperiment,
  archiveRun,
  collectAll,
  createKfpV1Client,
  createRecurringRun,
  createRun,
  createRunFromPackage,
  deleteExperiment,
  deleteRecurringRun,
  deleteRun,
  disableRecurringRun,
  enableRecurringRun,
  findPipelineByName,
  getHealthz,
  getOrCreateExperiment,
  type KfpV1Client,
  kfpFilter,
  retryRun,
  staticTokenAuth,
  terminateRun,
  unarchiveExperiment,
  unarchiveRun,
  uploadPipeline,
  uploadPipelineVersion,
  waitForRunCompletion,
} from '@ml-platform/kfp-v1';
import { type PrismServer, startPrism } from '@ml-platform/testbed';
import { type PrismRecorder, recordPrismExchanges } from '@ml-platform/testbed/fetch-fakes/index';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const WORKFLOW_YAML = 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: hello-\n';

let prism: PrismServer;
let recorder: PrismRecorder;
let kfp: KfpV1Client;

beforeAll(async () => {
  prism = await startPrism('kfp-v1beta1');
});

afterAll(async () => {
  await prism?.stop();
});

beforeEach(() => {
  recorder = recordPrismExchanges();
  kfp = createKfpV1Client({
    baseUrl: prism.url,
    auth: staticTokenAuth('test-token'),
    fetch: recorder.fetch,
  });
});

function sentJson(index: number): unknown {
  return JSON.parse(recorder.exchanges[index]?.body ?? '');
}

describe('paging', () => {
  it('sends the namespace reference, sort and an op-style filter on every page; refuses a repeated token', async () => {
    const pages = collectAll(kfp, '/apis/v1beta1/runs', {
      params: {
        query: { 'resource_reference_key.type': 'NAMESPACE', 'resource_reference_key.id': 'team-a' },
      },
      filter: kfpFilter('runs').equals('name', 'nightly'),
      sortBy: 'created_at desc',
      pageSize: 10,
    });
    await expect(pages).rejects.toMatchObject({ code: 'KFP_PAGE_TOKEN_REPEATED' });
    expect(recorder.requestViolations()).toEqual([]);
    expect(recorder.exchanges.map((exchange) => exchange.url.searchParams.get('page_token'))).toEqual([
      null,
      'string',
    ]);
    for (const { url } of recorder.exchanges) {
      expect(url.searchParams.get('resource_reference_key.id')).toBe('team-a');
      expect(url.searchParams.get('sort_by')).toBe('created_at desc');
      expect(JSON.parse(decodeURIComponent(url.searchParams.get('filter') ?? ''))).toEqual({
        predicates: [{ op: 'EQUALS', key: 'name', string_value: 'nightly' }],
      });
    }
  });
});

describe('experiments', () => {
  it('looks the experiment up by name in the namespace', async () => {
    await getOrCreateExperiment(kfp, { name: 'nightly', namespace: 'team-a' });
    expect(recorder.calls()).toEqual(['GET /apis/v1beta1/experiments']);
    expect(recorder.exchanges[0]?.url.searchParams.get('resource_reference_key.type')).toBe('NAMESPACE');
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('archives, unarchives and deletes by id', async () => {
    await archiveExperiment(kfp, 'e-1');
    await unarchiveExperiment(kfp, 'e-1');
    await deleteExperiment(kfp, 'e-1');
    expect(recorder.calls()).toEqual([
      'POST /apis/v1beta1/experiments/e-1:archive',
      'POST /apis/v1beta1/experiments/e-1:unarchive',
      'DELETE /apis/v1beta1/experiments/e-1',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });
});

describe('pipelines', () => {
  it('uploads multipart with a named file and the query fields', async () => {
    await uploadPipeline(kfp, {
      source: { text: WORKFLOW_YAML },
      name: 'hello',
      description: 'd',
      namespace: 'team-a',
    });
    expect(recorder.exchanges[0]?.contentType).toMatch(/^multipart\/form-data/);
    expect(recorder.exchanges[0]?.body).toContain('filename="pipeline.yaml"');
    expect(Object.fromEntries(recorder.exchanges[0]?.url.searchParams ?? [])).toEqual({
      name: 'hello',
      description: 'd',
      namespace: 'team-a',
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('finds a shared pipeline under the "-" namespace and uploads a version to it', async () => {
    await uploadPipelineVersion(kfp, {
      source: new Blob([WORKFLOW_YAML]),
      pipelineName: 'hello',
      name: 'v2',
    });
    expect(recorder.calls()).toEqual([
      'GET /apis/v1beta1/namespaces/-/pipelines/hello',
      'POST /apis/v1beta1/pipelines/upload_version',
    ]);
    expect(Object.fromEntries(recorder.exchanges[1]?.url.searchParams ?? [])).toEqual({
      pipelineid: 'string',
      name: 'v2',
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('finds a namespaced pipeline by name', async () => {
    expect((await findPipelineByName(kfp, { name: 'hello', namespace: 'team-a' }))?.id).toBe('string');
    expect(recorder.calls()).toEqual(['GET /apis/v1beta1/namespaces/team-a/pipelines/hello']);
  });
});

describe('runs', () => {
  it('creates a run owned by the experiment, created by the version, with string parameters', async () => {
    await createRun(kfp, {
      name: 'nightly',
      experimentId: 'e-1',
      pipelineVersion: { pipelineVersionId: 'v-1' },
      parameters: { rate: 0.1, layers: [64, 32], name: 'x' },
    });
    expect(sentJson(0)).toEqual({
      name: 'nightly',
      pipeline_spec: {
        parameters: [
          { name: 'rate', value: '0.1' },
          { name: 'layers', value: '[64,32]' },
          { name: 'name', value: 'x' },
        ],
      },
      resource_references: [
        { key: { type: 'EXPERIMENT', id: 'e-1' }, relationship: 'OWNER' },
        { key: { type: 'PIPELINE_VERSION', id: 'v-1' }, relationship: 'CREATOR' },
      ],
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('refuses parameters that are not an object of names to values, before sending anything', async () => {
    for (const parameters of [[1, 2], null, 'lr=0.1']) {
      await expect(
        createRun(kfp, {
          name: 'bad',
          pipelineVersion: { pipelineId: 'p-1' },
          parameters: parameters as never,
        }),
      ).rejects.toMatchObject({
        code: 'CONFIG_INVALID_OPTION',
        message: expect.stringContaining('parameters must be an object of parameter names to values'),
      });
    }
    expect(recorder.exchanges).toEqual([]);
  });

  it('creates a run of a pipeline default version, or of an inline workflow', async () => {
    await createRun(kfp, { name: 'a', pipelineVersion: { pipelineId: 'p-1' } });
    await createRun(kfp, { name: 'b', workflowManifest: { kind: 'Workflow' } });
    expect(sentJson(0)).toEqual({ name: 'a', pipeline_spec: { pipeline_id: 'p-1' } });
    expect(sentJson(1)).toEqual({ name: 'b', pipeline_spec: { workflow_manifest: '{"kind":"Workflow"}' } });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('creates a run from a package as a new version of the named pipeline', async () => {
    const { pipelineVersion } = await createRunFromPackage(kfp, {
      source: { text: WORKFLOW_YAML },
      pipelineName: 'hello',
      versionName: 'v3',
      name: 'run of v3',
    });
    expect(pipelineVersion.id).toBe('string');
    expect(recorder.calls()).toEqual([
      'GET /apis/v1beta1/namespaces/-/pipelines/hello',
      'POST /apis/v1beta1/pipelines/upload_version',
      'POST /apis/v1beta1/runs',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('terminates, retries, archives, unarchives and deletes by id', async () => {
    await terminateRun(kfp, 'r-1');
    await retryRun(kfp, 'r-1');
    await archiveRun(kfp, 'r-1');
    await unarchiveRun(kfp, 'r-1');
    await deleteRun(kfp, 'r-1');
    expect(recorder.calls()).toEqual([
      'POST /apis/v1beta1/runs/r-1/terminate',
      'POST /apis/v1beta1/runs/r-1/retry',
      'POST /apis/v1beta1/runs/r-1:archive',
      'POST /apis/v1beta1/runs/r-1:unarchive',
      'DELETE /apis/v1beta1/runs/r-1',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('polls GET /runs/{run_id} while waiting', async () => {
    // Prism's example state is "string", never terminal: stop after the first poll.
    const stop = new AbortController();
    await expect(
      waitForRunCompletion(kfp, 'r-1', { signal: stop.signal, onPoll: () => stop.abort() }),
    ).rejects.toMatchObject({ code: 'KFP_RUN_WAIT_ABORTED', lastState: 'string' });
    expect(recorder.calls()).toEqual(['GET /apis/v1beta1/runs/r-1']);
    expect(recorder.requestViolations()).toEqual([]);
  });
});

describe('recurring runs (jobs)', () => {
  it('creates an enabled job on an interval, then enables, disables and deletes it', async () => {
    await createRecurringRun(kfp, {
      name: 'hourly',
      experimentId: 'e-1',
      pipelineVersion: { pipelineVersionId: 'v-1' },
      schedule: { intervalSeconds: 3600 },
    });
    expect(sentJson(0)).toMatchObject({
      name: 'hourly',
      trigger: { periodic_schedule: { interval_second: '3600' } },
      max_concurrency: '1',
      enabled: true,
    });
    await enableRecurringRun(kfp, 'j-1');
    await disableRecurringRun(kfp, 'j-1');
    await deleteRecurringRun(kfp, 'j-1');
    expect(recorder.calls().slice(1)).toEqual([
      'POST /apis/v1beta1/jobs/j-1/enable',
      'POST /apis/v1beta1/jobs/j-1/disable',
      'DELETE /apis/v1beta1/jobs/j-1',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('refuses a five-field cron before sending anything', async () => {
    await expect(
      createRecurringRun(kfp, {
        name: 'n',
        pipelineVersion: { pipelineId: 'p' },
        schedule: { cron: '*/5 * * * *' },
      }),
    ).rejects.toThrow("write '0 */5 * * * *'");
    expect(recorder.exchanges).toEqual([]);
  });
});

describe('health', () => {
  it('reads healthz', async () => {
    expect(await getHealthz(kfp)).toHaveProperty('multi_user');
    expect(recorder.requestViolations()).toEqual([]);
  });
});
