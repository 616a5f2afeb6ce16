// State changes the KFP v1 helpers react to, through an injected fetch.
import {
  collectAll,
  createKfpV1Client,
  getOrCreateExperiment,
  type KfpV1Client,
  RunWaitError,
  staticTokenAuth,
  waitForRunCompletion,
} from '@ml-platform/kfp-v1';
import {
  type FetchHandler,
  json,
  rotatingTokenAuth,
  scriptedFetch,
} from '@ml-platform/testbed/fetch-fakes/index';
import { describe, expect, it } from 'vitest';

function clientWith(
  handler: FetchHandler,
  auth = staticTokenAuth('t'),
): { kfp: KfpV1Client; seen: Request[] } {
  const { fetch, seen } = scriptedFetch(handler);
  return { kfp: createKfpV1Client({ baseUrl: 'https://kubeflow.example.com/pipeline', auth, fetch }), seen };
}

function runGoingThrough(...statuses: string[]): FetchHandler {
  let polls = 0;
  return () => {
    const status = statuses[Math.min(polls, statuses.length - 1)];
    polls += 1;
    return json({ run: { id: 'r-1', status }, pipeline_runtime: { workflow_manifest: '{}' } });
  };
}

describe('waitForRunCompletion (v1beta1 statuses)', () => {
  it('follows Pending -> Running -> Succeeded and returns the run detail', async () => {
    const { kfp, seen } = clientWith(runGoingThrough('Pending', 'Running', 'Succeeded'));
    const observed: (string | undefined)[] = [];
    const detail = await waitForRunCompletion(kfp, 'r-1', {
      pollIntervalMs: 1,
      onPoll: (d) => observed.push(d.run?.status),
    });
    expect(detail.run?.status).toBe('Succeeded');
    expect(observed).toEqual(['Pending', 'Running', 'Succeeded']);
    expect(seen).toHaveLength(3);
  });

  it.each(['Failed', 'Error', 'Skipped', 'failed'])(
    'treats %s as terminal, like kfp.Client (any case)',
    async (status) => {
      const { kfp } = clientWith(runGoingThrough('Running', 'Terminating', status));
      expect((await waitForRunCompletion(kfp, 'r-1', { pollIntervalMs: 1 })).run?.status).toBe(status);
    },
  );

  it('times out with the last status, and is cancelled through its signal', async () => {
    const slow = clientWith(runGoingThrough('Pending', 'Running'));
    const timeout = await waitForRunCompletion(slow.kfp, 'r-1', { pollIntervalMs: 1, timeoutMs: 50 }).catch(
      (e) => e,
    );
    expect(timeout).toBeInstanceOf(RunWaitError);
    expect(timeout).toMatchObject({ code: 'KFP_RUN_WAIT_TIMEOUT', lastState: 'Running' });

    const controller = new AbortController();
    const aborted = await waitForRunCompletion(slow.kfp, 'r-1', {
      pollIntervalMs: 1,
      signal: controller.signal,
      onPoll: () => controller.abort(),
    }).catch((e) => e);
    expect(aborted).toMatchObject({ code: 'KFP_RUN_WAIT_ABORTED', lastState: 'Running' });
  });

  it('keeps waiting across a 401 answered by a refreshing auth plugin', async () => {
    const { auth, cache } = rotatingTokenAuth(['token-1', 'token-2']);
    const statuses = runGoingThrough('Running', 'Succeeded');
    let polls = 0;
    const { kfp } = clientWith((request) => {
      polls += 1;
      if (polls > 1 && request.headers.get('authorization') === 'Bearer token-1')
        return json({ error: 'expired' }, 401);
      return statuses(request);
    }, auth);
    expect((await waitForRunCompletion(kfp, 'r-1', { pollIntervalMs: 1 })).run?.status).toBe('Succeeded');
    expect(cache.acquisitions).toBe(2);
  });
});

describe('paging', () => {
  it('follows next_page_token to the end, items in order', async () => {
    const pages: Record<string, unknown> = {
      '': { jobs: [{ id: 'a' }], next_page_token: 't1' },
      t1: { jobs: [{ id: 'b' }, { id: 'c' }] },
    };
    const { kfp, seen } = clientWith((request) =>
      json(pages[new URL(request.url).searchParams.get('page_token') ?? '']),
    );
    expect((await collectAll(kfp, '/apis/v1beta1/jobs')).map((job) => job.id)).toEqual(['a', 'b', 'c']);
    expect(seen).toHaveLength(2);
  });
});

describe('getOrCreateExperiment', () => {
  it('creates the experiment owned by the namespace when none has the name', async () => {
    const { kfp, seen } = clientWith((request) =>
      request.method === 'GET' ? json({}) : json({ id: 'e-new' }),
    );
    expect((await getOrCreateExperiment(kfp, { name: 'nightly', namespace: 'team-a' })).id).toBe('e-new');
    expect(await seen[1]?.json()).toEqual({
      name: 'nightly',
      resource_references: [{ key: { type: 'NAMESPACE', id: 'team-a' }, relationship: 'OWNER' }],
    });
  });

  it('returns the winner of a creation race (HTTP 409)', async () => {
    let lists = 0;
    const { kfp } = clientWith((request) => {
      if (request.method === 'POST') return json({ error: 'already exists', code: 6 }, 409);
      lists += 1;
      return json(lists === 1 ? {} : { experiments: [{ id: 'e-theirs' }] });
    });
    expect((await getOrCreateExperiment(kfp, { name: 'nightly' })).id).toBe('e-theirs');
  });
});
