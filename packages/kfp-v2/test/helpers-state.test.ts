// State changes the KFP v2 helpers react to, driven through an injected fetch:
// Prism only ever answers its example data, so no run there ever finishes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiError,
  ConfigError,
  collectAll,
  createKfpV2Client,
  createRecurringRun,
  encodeFilter,
  experimentUiUrl,
  getOrCreateExperiment,
  type KfpV2Client,
  kfpFilter,
  listAll,
  pipelineUiUrl,
  type Run,
  RunWaitError,
  readKfpContext,
  recurringRunUiUrl,
  resolveUserNamespace,
  runUiUrl,
  setUserNamespace,
  staticTokenAuth,
  uploadPipeline,
  waitForRunCompletion,
} from '@ml-platform/kfp-v2';
import {
  type FetchHandler,
  json,
  rotatingTokenAuth,
  scriptedFetch,
} from '@ml-platform/testbed/fetch-fakes/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BASE = 'https://kubeflow.example.com/pipeline';

function clientWith(
  handler: FetchHandler,
  auth = staticTokenAuth('t'),
): { kfp: KfpV2Client; seen: Request[] } {
  const { fetch, seen } = scriptedFetch(handler);
  return { kfp: createKfpV2Client({ baseUrl: BASE, auth, fetch }), seen };
}

/** A run that reports the given states, one per GET, then stays in the last one. */
function runGoingThrough(...states: string[]): FetchHandler {
  let polls = 0;
  return (request) => {
    expect(new URL(request.url).pathname).toBe('/pipeline/apis/v2beta1/runs/r-1');
    const state = states[Math.min(polls, states.length - 1)];
    polls += 1;
    return json({ run_id: 'r-1', state });
  };
}

describe('waitForRunCompletion', () => {
  it('follows a run from PENDING through RUNNING to SUCCEEDED and returns it', async () => {
    const { kfp, seen } = clientWith(runGoingThrough('PENDING', 'RUNNING', 'RUNNING', 'SUCCEEDED'));
    const observed: (string | undefined)[] = [];
    const run = await waitForRunCompletion(kfp, 'r-1', {
      pollIntervalMs: 1,
      onPoll: (r) => observed.push(r.state),
    });
    expect(run).toEqual({ run_id: 'r-1', state: 'SUCCEEDED' });
    expect(observed).toEqual(['PENDING', 'RUNNING', 'RUNNING', 'SUCCEEDED']);
    expect(seen).toHaveLength(4);
  });

  it.each(['FAILED', 'SKIPPED', 'CANCELED'])(
    'stops at %s, a terminal state, and returns the run',
    async (state) => {
      const { kfp, seen } = clientWith(runGoingThrough('RUNNING', 'CANCELING', state));
      expect((await waitForRunCompletion(kfp, 'r-1', { pollIntervalMs: 1 })).state).toBe(state);
      expect(seen).toHaveLength(3);
    },
  );

  it('times out with the last state it saw', async () => {
    const { kfp } = clientWith(runGoingThrough('PENDING', 'RUNNING'));
    const error = await waitForRunCompletion(kfp, 'r-1', { pollIntervalMs: 1, timeoutMs: 50 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(RunWaitError);
    expect(error).toMatchObject({ code: 'KFP_RUN_WAIT_TIMEOUT', runId: 'r-1', lastState: 'RUNNING' });
    expect(error.message).toContain('last state was RUNNING');
  });

  it('is cancelled through its AbortSignal, keeping the last run', async () => {
    const { kfp, seen } = clientWith(runGoingThrough('PENDING', 'RUNNING'));
    const controller = new AbortController();
    const error = await waitForRunCompletion(kfp, 'r-1', {
      pollIntervalMs: 1,
      signal: controller.signal,
      onPoll: (run) => run.state === 'RUNNING' && controller.abort(new Error('user pressed stop')),
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'KFP_RUN_WAIT_ABORTED', lastState: 'RUNNING' });
    expect((error as RunWaitError).lastRun).toEqual({ run_id: 'r-1', state: 'RUNNING' });
    expect(error.cause).toMatchObject({ message: 'user pressed stop' });
    expect(seen).toHaveLength(2);
  });

  it('does not start when the signal is already aborted', async () => {
    const { kfp, seen } = clientWith(runGoingThrough('RUNNING'));
    const error = await waitForRunCompletion(kfp, 'r-1', { signal: AbortSignal.abort() }).catch((e) => e);
    expect(error).toMatchObject({ code: 'KFP_RUN_WAIT_ABORTED', lastRun: undefined });
    expect(seen).toHaveLength(0);
  });

  it('keeps waiting across a 401 that the auth plugin answers with a fresh token', async () => {
    const { auth, cache } = rotatingTokenAuth(['token-1', 'token-2']);
    const states = runGoingThrough('PENDING', 'RUNNING', 'SUCCEEDED');
    let polls = 0;
    const { kfp, seen } = clientWith((request) => {
      polls += 1;
      // The token expires after the first poll: the server refuses token-1 from then on.
      if (polls > 1 && request.headers.get('authorization') === 'Bearer token-1') {
        return json({ code: 16, message: 'token expired' }, 401);
      }
      return states(request);
    }, auth);
    const run = await waitForRunCompletion(kfp, 'r-1', { pollIntervalMs: 1 });
    expect(run.state).toBe('SUCCEEDED');
    expect(cache.acquisitions).toBe(2);
    expect(seen.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-2',
    ]);
  });

  it('polls again after a transient 503 but fails at once on a 404', async () => {
    let polls = 0;
    const flaky = clientWith(() => {
      polls += 1;
      return polls === 1
        ? json({ message: 'upstream connect error' }, 503)
        : json({ run_id: 'r-1', state: 'SUCCEEDED' });
    });
    expect((await waitForRunCompletion(flaky.kfp, 'r-1', { pollIntervalMs: 1 })).state).toBe('SUCCEEDED');

    const missing = clientWith(() => json({ code: 5, message: 'run r-1 not found' }, 404));
    const error = await waitForRunCompletion(missing.kfp, 'r-1', { pollIntervalMs: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'API_HTTP_STATUS' });
    expect(missing.seen).toHaveLength(1);
  });

  it('gives up after maxConsecutiveErrors transient failures in a row', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ message: 'bad gateway' }, 502));
    // The transport's own retries are off here: this counts the helper's polls.
    const kfp = createKfpV2Client({ baseUrl: BASE, auth: staticTokenAuth('t'), fetch, retry: false });
    const error = await waitForRunCompletion(kfp, 'r-1', {
      pollIntervalMs: 1,
      maxConsecutiveErrors: 2,
    }).catch((e) => e);
    expect(error).toMatchObject({ status: 502 });
    expect(seen).toHaveLength(3);
  });

  it('rejects nonsense timing options before any request', async () => {
    const { kfp, seen } = clientWith(runGoingThrough('RUNNING'));
    await expect(waitForRunCompletion(kfp, 'r-1', { timeoutMs: -1 })).rejects.toBeInstanceOf(ConfigError);
    await expect(waitForRunCompletion(kfp, 'r-1', { backoffFactor: 0.5 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
    });
    await expect(waitForRunCompletion(kfp, ' ')).rejects.toMatchObject({ code: 'CONFIG_INVALID_OPTION' });
    expect(seen).toHaveLength(0);
  });
});

describe('paging', () => {
  function pagedRuns(pages: Record<string, { runs?: Run[]; next_page_token?: string }>): FetchHandler {
    return (request) => json(pages[new URL(request.url).searchParams.get('page_token') ?? ''] ?? {});
  }

  it('yields every item of every page in order, sending the same filter and sort with each token', async () => {
    const { kfp, seen } = clientWith(
      pagedRuns({
        '': { runs: [{ run_id: 'a' }, { run_id: 'b' }], next_page_token: 't1' },
        t1: { next_page_token: 't2' }, // protobuf's JSON leaves out an empty list
        t2: { runs: [{ run_id: 'c' }] },
      }),
    );
    const filter = kfpFilter('runs').equals('experiment_id', 'e-1');
    const runs = await collectAll(kfp, '/apis/v2beta1/runs', {
      filter,
      sortBy: 'created_at desc',
      pageSize: 2,
    });
    expect(runs.map((run) => run.run_id)).toEqual(['a', 'b', 'c']);
    const queries = seen.map((request) => new URL(request.url).searchParams);
    expect(queries.map((query) => query.get('page_token'))).toEqual([null, 't1', 't2']);
    for (const query of queries) {
      expect(query.get('filter')).toBe(encodeFilter(filter));
      expect(query.get('sort_by')).toBe('created_at desc');
      expect(query.get('page_size')).toBe('2');
    }
  });

  it('fetches no page beyond the one that reaches the limit', async () => {
    const { kfp, seen } = clientWith(
      pagedRuns({
        '': { runs: [{ run_id: 'a' }, { run_id: 'b' }], next_page_token: 't1' },
        t1: { runs: [{ run_id: 'c' }] },
      }),
    );
    const names: string[] = [];
    for await (const run of listAll(kfp, '/apis/v2beta1/runs', { limit: 2 })) names.push(run.run_id ?? '');
    expect(names).toEqual(['a', 'b']);
    expect(seen).toHaveLength(1);
  });
});

describe('filter encoding', () => {
  it('survives the second URL-decoding the API server applies, even with + and % in values', () => {
    const filter = kfpFilter('runs').equals('display_name', 'a+b 100%').isIn('state', ['RUNNING', 'PENDING']);
    const query = new URLSearchParams(`filter=${encodeURIComponent(encodeFilter(filter))}`);
    // The gateway decodes the query once (URLSearchParams here); the server decodes what it got once more.
    const serverSees = JSON.parse(decodeURIComponent(query.get('filter') ?? ''));
    expect(serverSees).toEqual({
      predicates: [
        { operation: 'EQUALS', key: 'display_name', string_value: 'a+b 100%' },
        { operation: 'IN', key: 'state', string_values: { values: ['RUNNING', 'PENDING'] } },
      ],
    });
  });

  it('picks the predicate value field from the value', () => {
    const filter = kfpFilter()
      .greaterThan('created_at', new Date('2025-01-01T00:00:00Z'))
      .lessThan('size', 2 ** 40)
      .equals('count', 7)
      .notEquals('big', 5n)
      .isIn('ids', [1, 2])
      .isIn('longs', [1, 2n ** 40n])
      .contains('description', 'nightly');
    expect(filter.toJSON().predicates).toEqual([
      { operation: 'GREATER_THAN', key: 'created_at', timestamp_value: '2025-01-01T00:00:00.000Z' },
      { operation: 'LESS_THAN', key: 'size', long_value: '1099511627776' },
      { operation: 'EQUALS', key: 'count', int_value: 7 },
      { operation: 'NOT_EQUALS', key: 'big', long_value: '5' },
      { operation: 'IN', key: 'ids', int_values: { values: [1, 2] } },
      { operation: 'IN', key: 'longs', long_values: { values: ['1', '1099511627776'] } },
      { operation: 'IS_SUBSTRING', key: 'description', string_value: 'nightly' },
    ]);
  });

  it('refuses values KFP cannot compare, naming the key', () => {
    expect(() => kfpFilter().equals('x', 1.5)).toThrow(/'x' must be an integer/);
    expect(() => kfpFilter().equals('x', new Date('nope'))).toThrow(ConfigError);
    expect(() => kfpFilter().isIn('x', ['a', 1] as string[])).toThrow(/all strings or all integers/);
    expect(() => kfpFilter().equals('', 'a')).toThrow(/non-empty string/);
  });
});

describe('getOrCreateExperiment', () => {
  it('creates the experiment when none has the name', async () => {
    const { kfp, seen } = clientWith((request) =>
      request.method === 'GET' ? json({}) : json({ experiment_id: 'e-new', display_name: 'nightly' }),
    );
    const experiment = await getOrCreateExperiment(kfp, {
      name: 'nightly',
      namespace: 'team-a',
      description: 'd',
    });
    expect(experiment.experiment_id).toBe('e-new');
    expect(seen.map((request) => request.method)).toEqual(['GET', 'POST']);
    expect(await seen[1]?.json()).toEqual({ display_name: 'nightly', description: 'd', namespace: 'team-a' });
  });

  it('returns the experiment a concurrent caller created first (HTTP 409)', async () => {
    let lists = 0;
    const { kfp } = clientWith((request) => {
      if (request.method === 'POST') return json({ code: 6, message: 'already exists' }, 409);
      lists += 1;
      return json(lists === 1 ? {} : { experiments: [{ experiment_id: 'e-theirs' }] });
    });
    expect((await getOrCreateExperiment(kfp, { name: 'nightly' })).experiment_id).toBe('e-theirs');
  });

  it('refuses to guess between two experiments with the same name', async () => {
    const { kfp } = clientWith(() => json({ experiments: [{ experiment_id: 'a' }, { experiment_id: 'b' }] }));
    await expect(getOrCreateExperiment(kfp, { name: 'nightly' })).rejects.toMatchObject({
      code: 'KFP_AMBIGUOUS_NAME',
    });
  });
});

describe('recurring run schedules', () => {
  const { kfp, seen } = clientWith(() => json({ recurring_run_id: 'rr-1' }));
  const base = { displayName: 'n', pipelineVersion: { pipelineId: 'p-1' } };

  it('needs exactly one of cron and intervalSeconds', async () => {
    const both = { cron: '0 0 2 * * *', intervalSeconds: 60 } as unknown as { cron: string };
    await expect(createRecurringRun(kfp, { ...base, schedule: both })).rejects.toThrow(/got both/);
    await expect(createRecurringRun(kfp, { ...base, schedule: {} as { cron: string } })).rejects.toThrow(
      /got neither/,
    );
  });

  it('refuses a five-field cron that KFP would read shifted by one field, and says how to fix it', async () => {
    await expect(createRecurringRun(kfp, { ...base, schedule: { cron: '0 9 * * 1' } })).rejects.toThrow(
      "For the usual meaning write '0 0 9 * * 1'",
    );
  });

  it('accepts descriptors and refuses bad intervals, concurrency and windows', async () => {
    await createRecurringRun(kfp, { ...base, schedule: { cron: '@every 1h30m' } });
    await expect(createRecurringRun(kfp, { ...base, schedule: { cron: '@sometimes' } })).rejects.toThrow(
      ConfigError,
    );
    await expect(createRecurringRun(kfp, { ...base, schedule: { intervalSeconds: 0.5 } })).rejects.toThrow(
      />= 1/,
    );
    await expect(
      createRecurringRun(kfp, { ...base, schedule: { intervalSeconds: 60 }, maxConcurrency: 11 }),
    ).rejects.toThrow(/1 to 10/);
    await expect(
      createRecurringRun(kfp, {
        ...base,
        schedule: { intervalSeconds: 60, startTime: '2025-02-01T00:00:00Z', endTime: '2025-01-01T00:00:00Z' },
      }),
    ).rejects.toThrow(/must be after/);
    expect(seen).toHaveLength(1);
  });
});

describe('pipeline package sources', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kfp-v2-package-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function uploadedFileName(source: Parameters<typeof uploadPipeline>[1]['source']): Promise<string> {
    let name = '';
    const { kfp } = clientWith(async (request) => {
      const file = (await request.formData()).get('uploadfile');
      name = file instanceof File ? file.name : '';
      return json({ pipeline_id: 'p-1' });
    });
    await uploadPipeline(kfp, { source, name: 'p' });
    return name;
  }

  it('names a bare Blob after its content so KFP recognises the format', async () => {
    expect(await uploadedFileName(new Blob([Uint8Array.of(0x50, 0x4b, 3, 4)]))).toBe('pipeline.zip');
    expect(await uploadedFileName(new Blob([Uint8Array.of(0x1f, 0x8b, 8)]))).toBe('pipeline.tar.gz');
    expect(await uploadedFileName(new Blob(['  {"pipelineInfo":{}}']))).toBe('pipeline.json');
    expect(await uploadedFileName(new Blob(['pipelineInfo: {}']))).toBe('pipeline.yaml');
    expect(await uploadedFileName(new File(['a: 1'], 'mine.yml'))).toBe('mine.yml');
  });

  it('says which file could not be read, and refuses names KFP cannot parse', async () => {
    await expect(uploadedFileName({ path: join(dir, 'missing.yaml') })).rejects.toMatchObject({
      code: 'KFP_PACKAGE_UNREADABLE',
      message: expect.stringContaining('missing.yaml'),
    });
    await writeFile(join(dir, 'pipeline.txt'), 'a: 1');
    await expect(uploadedFileName({ path: join(dir, 'pipeline.txt') })).rejects.toThrow(/ending with .yaml/);
    await expect(uploadedFileName({ text: '' })).rejects.toMatchObject({ code: 'KFP_PACKAGE_UNREADABLE' });
  });
});

describe('namespace resolution', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kfp-v2-namespace-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prefers the explicit namespace, then the context file, then the ServiceAccount namespace', async () => {
    const contextFile = join(dir, 'order', 'context.json');
    const serviceAccountNamespaceFile = join(dir, 'sa-namespace');
    const files = { contextFile, serviceAccountNamespaceFile };
    expect(await resolveUserNamespace(files)).toBeUndefined();
    await writeFile(serviceAccountNamespaceFile, 'from-pod\n');
    expect(await resolveUserNamespace(files)).toBe('from-pod');
    await setUserNamespace('from-context', { contextFile });
    expect(await resolveUserNamespace(files)).toBe('from-context');
    expect(await resolveUserNamespace({ ...files, namespace: 'explicit' })).toBe('explicit');
  });

  it('never writes the context file while resolving', async () => {
    const contextFile = join(dir, 'untouched', 'context.json');
    await resolveUserNamespace({ contextFile, serviceAccountNamespaceFile: join(dir, 'none') });
    await expect(readFile(contextFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps the other keys of the context file when setting the namespace', async () => {
    const contextFile = join(dir, 'context-keys.json');
    await writeFile(contextFile, JSON.stringify({ namespace: 'old', client_id: 'abc' }));
    await setUserNamespace('new', { contextFile });
    expect(JSON.parse(await readFile(contextFile, 'utf8'))).toEqual({ namespace: 'new', client_id: 'abc' });
    expect(await readKfpContext(contextFile)).toEqual({ namespace: 'new', client_id: 'abc' });
  });

  it('names a broken context file instead of ignoring it', async () => {
    const contextFile = join(dir, 'broken.json');
    await writeFile(contextFile, '{"namespace": ');
    await expect(resolveUserNamespace({ contextFile })).rejects.toMatchObject({
      code: 'KFP_CONTEXT_INVALID',
      message: expect.stringContaining(contextFile),
    });
  });
});

describe('UI links', () => {
  it('builds the routes of the Pipelines UI under the given base', () => {
    expect(runUiUrl('https://kf.example.com/pipeline/', 'r 1')).toBe(
      'https://kf.example.com/pipeline/#/runs/details/r%201',
    );
    expect(experimentUiUrl('http://localhost:8080', 'e-1')).toBe(
      'http://localhost:8080/#/experiments/details/e-1',
    );
    expect(pipelineUiUrl(BASE, 'p-1')).toBe(`${BASE}/#/pipelines/details/p-1`);
    expect(pipelineUiUrl(BASE, 'p-1', 'v-1')).toBe(`${BASE}/#/pipelines/details/p-1/version/v-1`);
    expect(recurringRunUiUrl(BASE, 'rr-1')).toBe(`${BASE}/#/recurringrun/details/rr-1`);
    expect(() => runUiUrl('kf.example.com', 'r-1')).toThrow(/absolute URL/);
  });
});
