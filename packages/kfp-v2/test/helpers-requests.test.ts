// Request shapes of the KFP v2 helpers, checked by a Prism mock that validates
// every request against the v2beta1 spec (path, query, body, security).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  archiveExperiment,
  archiveRun,
  collectAll,
  createKfpV2Client,
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
  type KfpV2Client,
  kfpFilter,
  listAll,
  retryRun,
  staticTokenAuth,
  terminateRun,
  unarchiveExperiment,
  unarchiveRun,
  uploadPipeline,
  uploadPipelineVersion,
  waitForRunCompletion,
} from '@ml-platform/kfp-v2';
import { type PrismServer, startPrism } from '@ml-platform/testbed';
import { type PrismRecorder, recordPrismExchanges } from '@ml-platform/testbed/fetch-fakes/index';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const PIPELINE_YAML = 'pipelineInfo:\n  name: hello\nroot: {}\nschemaVersion: 2.1.0\n';

let prism: PrismServer;
let recorder: PrismRecorder;
let kfp: KfpV2Client;
let workDir: string;

beforeAll(async () => {
  prism = await startPrism('kfp-v2beta1');
  workDir = await mkdtemp(join(tmpdir(), 'kfp-v2-helpers-'));
});

afterAll(async () => {
  await prism?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

beforeEach(() => {
  recorder = recordPrismExchanges();
  kfp = createKfpV2Client({
    baseUrl: prism.url,
    auth: staticTokenAuth('test-token'),
    fetch: recorder.fetch,
  });
});

describe('paging', () => {
  it('sends page size, sort, encoded filter and namespace on every page, and refuses a repeated page token', async () => {
    const runs = listAll(kfp, '/apis/v2beta1/runs', {
      params: { query: { namespace: 'team-a' } },
      pageSize: 5,
      sortBy: 'created_at desc',
      filter: kfpFilter('runs').equals('state', 'SUCCEEDED'),
    });
    // Prism answers every page with next_page_token "string", as a broken proxy cache would.
    await expect(collect(runs)).rejects.toMatchObject({ code: 'KFP_PAGE_TOKEN_REPEATED' });
    expect(recorder.requestViolations()).toEqual([]);
    expect(recorder.exchanges).toHaveLength(2);
    const [first, second] = recorder.exchanges.map((exchange) => exchange.url.searchParams);
    expect(first?.get('page_token')).toBeNull();
    expect(second?.get('page_token')).toBe('string');
    for (const query of [first, second]) {
      expect(query?.get('namespace')).toBe('team-a');
      expect(query?.get('page_size')).toBe('5');
      expect(query?.get('sort_by')).toBe('created_at desc');
      expect(JSON.parse(decodeURIComponent(query?.get('filter') ?? ''))).toEqual({
        predicates: [{ operation: 'EQUALS', key: 'state', string_value: 'SUCCEEDED' }],
      });
    }
  });

  it('lists pipeline versions with the pipeline id in the path and stops at the limit', async () => {
    const versions = await collectAll(kfp, '/apis/v2beta1/pipelines/{pipeline_id}/versions', {
      params: { path: { pipeline_id: 'p-1' } },
      limit: 1,
    });
    expect(versions).toHaveLength(1);
    expect(recorder.calls()).toEqual(['GET /apis/v2beta1/pipelines/p-1/versions']);
    expect(recorder.requestViolations()).toEqual([]);
  });
});

describe('experiments', () => {
  it('gets an existing experiment by display name in a namespace without creating one', async () => {
    const experiment = await getOrCreateExperiment(kfp, { name: 'nightly', namespace: 'team-a' });
    expect(experiment.experiment_id).toBeTypeOf('string');
    expect(recorder.calls()).toEqual(['GET /apis/v2beta1/experiments']);
    const query = recorder.exchanges[0]?.url.searchParams;
    expect(query?.get('namespace')).toBe('team-a');
    expect(JSON.parse(decodeURIComponent(query?.get('filter') ?? ''))).toEqual({
      predicates: [{ operation: 'EQUALS', key: 'display_name', string_value: 'nightly' }],
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('archives, unarchives and deletes by id', async () => {
    await archiveExperiment(kfp, 'e-1');
    await unarchiveExperiment(kfp, 'e-1');
    await deleteExperiment(kfp, 'e-1');
    expect(recorder.calls()).toEqual([
      'POST /apis/v2beta1/experiments/e-1:archive',
      'POST /apis/v2beta1/experiments/e-1:unarchive',
      'DELETE /apis/v2beta1/experiments/e-1',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });
});

describe('pipelines', () => {
  it('uploads YAML text as multipart/form-data with a .yaml file name and the query fields', async () => {
    const pipeline = await uploadPipeline(kfp, {
      source: { text: PIPELINE_YAML },
      name: 'hello',
      description: 'says hello',
      namespace: 'team-a',
      tags: { team: 'fraud' },
    });
    expect(pipeline.pipeline_id).toBeTypeOf('string');
    const [upload] = recorder.exchanges;
    expect(upload?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload?.body).toContain('name="uploadfile"; filename="pipeline.yaml"');
    expect(upload?.body).toContain(PIPELINE_YAML);
    expect(Object.fromEntries(upload?.url.searchParams ?? [])).toEqual({
      name: 'hello',
      description: 'says hello',
      namespace: 'team-a',
      tags: '{"team":"fraud"}',
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('uploads a file from disk under its own name', async () => {
    const path = join(workDir, 'hello.yml');
    await writeFile(path, PIPELINE_YAML);
    await uploadPipeline(kfp, { source: { path }, name: 'hello' });
    expect(recorder.exchanges[0]?.body).toContain('filename="hello.yml"');
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('uploads a new version to the pipeline found by name', async () => {
    const version = await uploadPipelineVersion(kfp, {
      source: new Blob([JSON.stringify({ pipelineInfo: { name: 'hello' } })]),
      pipelineName: 'hello',
      namespace: 'team-a',
      name: 'v2',
    });
    expect(version.pipeline_version_id).toBeTypeOf('string');
    expect(recorder.calls()).toEqual([
      'GET /apis/v2beta1/pipelines/names/hello',
      'POST /apis/v2beta1/pipelines/upload_version',
    ]);
    expect(recorder.exchanges[0]?.url.searchParams.get('namespace')).toBe('team-a');
    // A bare Blob gets a name from its content, since KFP reads the format from the file name.
    expect(recorder.exchanges[1]?.body).toContain('filename="pipeline.json"');
    expect(Object.fromEntries(recorder.exchanges[1]?.url.searchParams ?? [])).toEqual({
      pipelineid: 'string',
      name: 'v2',
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('finds a pipeline by name', async () => {
    const pipeline = await findPipelineByName(kfp, { name: 'hello', namespace: 'team-a' });
    expect(pipeline?.pipeline_id).toBeTypeOf('string');
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('refuses the old positional form of findPipelineByName with the call to write, before any request', async () => {
    const before = recorder.exchanges.length;
    // A JavaScript caller of the 0.1 signature: findPipelineByName(client, name, options).
    const oldCall = findPipelineByName as unknown as (
      client: unknown,
      name: string,
      options: object,
    ) => Promise<unknown>;
    await expect(oldCall(kfp, 'hello', { namespace: 'team-a' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
      message: expect.stringContaining("findPipelineByName(client, { name: 'hello', namespace })"),
    });
    expect(recorder.exchanges.length).toBe(before);
  });
});

describe('runs', () => {
  it('creates a run of a pipeline version with runtime parameters', async () => {
    await createRun(kfp, {
      displayName: 'nightly',
      experimentId: 'e-1',
      pipelineVersion: { pipelineId: 'p-1', pipelineVersionId: 'v-1' },
      parameters: { learning_rate: 0.1, epochs: 3 },
      pipelineRoot: 's3://bucket/root',
      serviceAccount: 'pipeline-runner',
    });
    expect(JSON.parse(recorder.exchanges[0]?.body ?? '')).toEqual({
      display_name: 'nightly',
      experiment_id: 'e-1',
      service_account: 'pipeline-runner',
      runtime_config: { parameters: { learning_rate: 0.1, epochs: 3 }, pipeline_root: 's3://bucket/root' },
      pipeline_version_reference: { pipeline_id: 'p-1', pipeline_version_id: 'v-1' },
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('refuses parameters that are not an object of names to values, before sending anything', async () => {
    for (const parameters of [[1, 2], null, 'lr=0.1']) {
      await expect(
        createRun(kfp, {
          displayName: 'bad',
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

  it('creates a run from an inline pipeline spec', async () => {
    await createRun(kfp, { displayName: 'adhoc', pipelineSpec: { pipelineInfo: { name: 'hello' } } });
    expect(JSON.parse(recorder.exchanges[0]?.body ?? '')).toEqual({
      display_name: 'adhoc',
      pipeline_spec: { pipelineInfo: { name: 'hello' } },
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('creates a run from a package: finds the pipeline, uploads a version, runs exactly that version', async () => {
    const { run, pipelineVersion } = await createRunFromPackage(kfp, {
      source: { text: PIPELINE_YAML },
      pipelineName: 'hello',
      namespace: 'team-a',
      versionName: 'v7',
      displayName: 'run of v7',
      experimentId: 'e-1',
    });
    expect(run.run_id).toBeTypeOf('string');
    expect(pipelineVersion.pipeline_version_id).toBe('string');
    expect(recorder.calls()).toEqual([
      'GET /apis/v2beta1/pipelines/names/hello',
      'POST /apis/v2beta1/pipelines/upload_version',
      'POST /apis/v2beta1/runs',
    ]);
    expect(JSON.parse(recorder.exchanges[2]?.body ?? '').pipeline_version_reference).toEqual({
      pipeline_id: 'string',
      pipeline_version_id: 'string',
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('terminates, retries, archives, unarchives and deletes by id', async () => {
    await terminateRun(kfp, 'r-1');
    await retryRun(kfp, 'r-1');
    await archiveRun(kfp, 'r-1');
    await unarchiveRun(kfp, 'r-1');
    await deleteRun(kfp, 'r-1');
    expect(recorder.calls()).toEqual([
      'POST /apis/v2beta1/runs/r-1:terminate',
      'POST /apis/v2beta1/runs/r-1:retry',
      'POST /apis/v2beta1/runs/r-1:archive',
      'POST /apis/v2beta1/runs/r-1:unarchive',
      'DELETE /apis/v2beta1/runs/r-1',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('polls GET /runs/{run_id} while waiting', async () => {
    // Prism answers the enum's first value, RUNTIME_STATE_UNSPECIFIED, never terminal: stop after the first poll.
    const stop = new AbortController();
    await expect(
      waitForRunCompletion(kfp, 'r-1', { signal: stop.signal, onPoll: () => stop.abort() }),
    ).rejects.toMatchObject({ code: 'KFP_RUN_WAIT_ABORTED', lastState: 'RUNTIME_STATE_UNSPECIFIED' });
    expect(recorder.calls()).toEqual(['GET /apis/v2beta1/runs/r-1']);
    expect(recorder.requestViolations()).toEqual([]);
  });
});

describe('recurring runs', () => {
  it('creates one on a cron schedule with the int64 fields as strings', async () => {
    await createRecurringRun(kfp, {
      displayName: 'nightly',
      experimentId: 'e-1',
      pipelineVersion: { pipelineId: 'p-1' },
      schedule: { cron: '0 0 2 * * *', startTime: new Date('2025-06-01T00:00:00Z') },
      maxConcurrency: 2,
      noCatchup: true,
    });
    expect(JSON.parse(recorder.exchanges[0]?.body ?? '')).toEqual({
      display_name: 'nightly',
      experiment_id: 'e-1',
      trigger: { cron_schedule: { cron: '0 0 2 * * *', start_time: '2025-06-01T00:00:00.000Z' } },
      max_concurrency: '2',
      no_catchup: true,
      mode: 'ENABLE',
      pipeline_version_reference: { pipeline_id: 'p-1' },
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('creates a disabled one on an interval, then enables, disables and deletes it', async () => {
    await createRecurringRun(kfp, {
      displayName: 'hourly',
      pipelineSpec: { pipelineInfo: { name: 'hello' } },
      schedule: { intervalSeconds: 3600 },
      enabled: false,
    });
    expect(JSON.parse(recorder.exchanges[0]?.body ?? '')).toMatchObject({
      trigger: { periodic_schedule: { interval_second: '3600' } },
      max_concurrency: '1',
      mode: 'DISABLE',
    });
    await enableRecurringRun(kfp, 'rr-1');
    await disableRecurringRun(kfp, 'rr-1');
    await deleteRecurringRun(kfp, 'rr-1');
    expect(recorder.calls().slice(1)).toEqual([
      'POST /apis/v2beta1/recurringruns/rr-1:enable',
      'POST /apis/v2beta1/recurringruns/rr-1:disable',
      'DELETE /apis/v2beta1/recurringruns/rr-1',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });
});

describe('health', () => {
  it('reads the multi-user flag from healthz', async () => {
    expect(await getHealthz(kfp)).toMatchObject({ multi_user: true });
    expect(recorder.requestViolations()).toEqual([]);
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
