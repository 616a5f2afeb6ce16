// State changes the Seldon Deploy helpers react to, through an injected fetch:
// Prism only answers its example data (every state is "string").
import {
  ApiError,
  createSeldonDeployClient,
  findSeldonDeployment,
  type SeldonDeployClient,
  type SeldonDeployment,
  SeldonWaitError,
  staticTokenAuth,
  waitForSeldonDeploymentAvailable,
} from '@ml-platform/seldon-deploy-v1alpha1';
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
): { seldon: SeldonDeployClient; seen: Request[] } {
  const { fetch, seen } = scriptedFetch(handler);
  return {
    seldon: createSeldonDeployClient({
      baseUrl: 'https://ml.example.com/seldon-deploy/api/v1alpha1',
      auth,
      fetch,
    }),
    seen,
  };
}

/** The deployment as successive GETs report it, staying at the last one. */
function deploymentGoingThrough(...snapshots: SeldonDeployment[]): FetchHandler {
  let polls = 0;
  return (request) => {
    expect(new URL(request.url).pathname).toBe(
      '/seldon-deploy/api/v1alpha1/namespaces/prod/seldondeployments/iris',
    );
    const snapshot = snapshots[Math.min(polls, snapshots.length - 1)];
    polls += 1;
    return json(snapshot);
  };
}

const creating = { metadata: { name: 'iris', generation: 1 }, status: { state: 'Creating' } };
const available = {
  metadata: { name: 'iris', generation: 1 },
  status: { state: 'Available', observedGeneration: 1 },
};

describe('waitForSeldonDeploymentAvailable', () => {
  it('waits through Creating until Available and returns the deployment', async () => {
    const { seldon, seen } = clientWith(deploymentGoingThrough(creating, creating, available));
    const states: (string | undefined)[] = [];
    const deployment = await waitForSeldonDeploymentAvailable(seldon, 'prod', 'iris', {
      pollIntervalMs: 1,
      onPoll: (d) => states.push(d.status?.state),
    });
    expect(deployment).toEqual(available);
    expect(states).toEqual(['Creating', 'Creating', 'Available']);
    expect(seen).toHaveLength(3);
  });

  it('does not take the old generation being Available for the update being rolled out', async () => {
    const stale = {
      metadata: { name: 'iris', generation: 2 },
      status: { state: 'Available', observedGeneration: 1 },
    };
    const rolledOut = {
      metadata: { name: 'iris', generation: 2 },
      status: { state: 'Available', observedGeneration: 2 },
    };
    const { seldon, seen } = clientWith(deploymentGoingThrough(stale, stale, rolledOut));
    expect(await waitForSeldonDeploymentAvailable(seldon, 'prod', 'iris', { pollIntervalMs: 1 })).toEqual(
      rolledOut,
    );
    expect(seen).toHaveLength(3);
  });

  it('fails fast on state Failed, with the controller description', async () => {
    const failed = {
      metadata: { name: 'iris' },
      status: { state: 'Failed', description: 'image pull back-off' },
    };
    const { seldon, seen } = clientWith(deploymentGoingThrough(creating, failed, available));
    const error = await waitForSeldonDeploymentAvailable(seldon, 'prod', 'iris', { pollIntervalMs: 1 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(SeldonWaitError);
    expect(error).toMatchObject({
      code: 'SELDON_DEPLOYMENT_FAILED',
      namespace: 'prod',
      deploymentName: 'iris',
      lastState: 'Failed',
      message: expect.stringContaining('image pull back-off'),
    });
    expect(seen).toHaveLength(2);
  });

  it('times out with the last state, and is cancelled through its signal', async () => {
    const { seldon } = clientWith(deploymentGoingThrough(creating));
    await expect(
      waitForSeldonDeploymentAvailable(seldon, 'prod', 'iris', { pollIntervalMs: 1, timeoutMs: 50 }),
    ).rejects.toMatchObject({ code: 'SELDON_WAIT_TIMEOUT', lastState: 'Creating' });

    const controller = new AbortController();
    const error = await waitForSeldonDeploymentAvailable(seldon, 'prod', 'iris', {
      pollIntervalMs: 1,
      signal: controller.signal,
      onPoll: () => controller.abort(new Error('deploy job cancelled')),
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'SELDON_WAIT_ABORTED', lastState: 'Creating' });
    expect(error.cause).toMatchObject({ message: 'deploy job cancelled' });
  });

  it('keeps waiting across a 401 answered by a refreshing auth plugin', async () => {
    const { auth, cache } = rotatingTokenAuth(['token-1', 'token-2']);
    const snapshots = deploymentGoingThrough(creating, available);
    let polls = 0;
    const { seldon } = clientWith((request) => {
      polls += 1;
      if (polls > 1 && request.headers.get('authorization') === 'Bearer token-1') {
        return json({ code: 401, message: 'token expired', requestId: 'r-9' }, 401);
      }
      return snapshots(request);
    }, auth);
    expect(
      (await waitForSeldonDeploymentAvailable(seldon, 'prod', 'iris', { pollIntervalMs: 1 })).status?.state,
    ).toBe('Available');
    expect(cache.acquisitions).toBe(2);
  });
});

describe('findSeldonDeployment', () => {
  it('answers undefined for a 404 and throws other failures', async () => {
    const missing = clientWith(() => json({ code: 404, message: 'not found', requestId: 'r-1' }, 404));
    expect(await findSeldonDeployment(missing.seldon, 'prod', 'iris')).toBeUndefined();
    const forbidden = clientWith(() =>
      json({ code: 403, message: 'no access to prod', requestId: 'r-2' }, 403),
    );
    const error = await findSeldonDeployment(forbidden.seldon, 'prod', 'iris').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, requestId: 'r-2' });
  });
});
