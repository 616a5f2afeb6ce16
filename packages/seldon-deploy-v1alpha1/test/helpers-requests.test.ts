// Request shapes of the Seldon Deploy helpers, checked by a Prism mock that
// validates every request against the v1alpha1 spec. Prism serves the paths
// at its root, ignoring the spec's /seldon-deploy/api/v1alpha1 base path.
import {
  createSeldonDeployClient,
  createSeldonDeployment,
  deleteSeldonDeployment,
  findSeldonDeployment,
  getSeldonDeployment,
  listSeldonDeployments,
  predictSeldonDeployment,
  type SeldonDeployClient,
  type SeldonDeployment,
  staticTokenAuth,
  updateSeldonDeployment,
  waitForSeldonDeploymentAvailable,
} from '@ml-platform/seldon-deploy-v1alpha1';
import { type PrismServer, startPrism } from '@ml-platform/testbed';
import { type PrismRecorder, recordPrismExchanges } from '@ml-platform/testbed/fetch-fakes/index';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const IRIS: SeldonDeployment = {
  apiVersion: 'machinelearning.seldon.io/v1',
  kind: 'SeldonDeployment',
  metadata: { name: 'iris', namespace: 'prod' },
  spec: {
    predictors: [
      {
        name: 'default',
        replicas: 1,
        graph: {
          name: 'classifier',
          implementation: 'SKLEARN_SERVER',
          modelUri: 'gs://seldon-models/sklearn/iris',
        },
      },
    ],
  },
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

describe('SeldonDeployment CRUD', () => {
  it('lists, gets and finds deployments in a namespace', async () => {
    expect(await listSeldonDeployments(seldon, 'prod')).toHaveLength(1);
    expect((await getSeldonDeployment(seldon, 'prod', 'iris')).kind).toBe('string');
    expect(await findSeldonDeployment(seldon, 'prod', 'iris')).toBeDefined();
    expect(recorder.calls({ query: true })).toEqual([
      'GET /namespaces/prod/seldondeployments',
      'GET /namespaces/prod/seldondeployments/iris',
      'GET /namespaces/prod/seldondeployments/iris',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('creates in the namespace of the manifest, with the GitOps action and message', async () => {
    await createSeldonDeployment(seldon, IRIS, { action: 'create', message: 'first iris' });
    expect(recorder.calls({ query: true })).toEqual([
      'POST /namespaces/prod/seldondeployments?action=create&message=first%20iris',
    ]);
    expect(JSON.parse(recorder.exchanges[0]?.body ?? '')).toEqual(IRIS);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('fills metadata.namespace from the option, and refuses a namespace that contradicts the manifest', async () => {
    const { namespace: _, ...metadata } = IRIS.metadata ?? {};
    await createSeldonDeployment(seldon, { ...IRIS, metadata }, { namespace: 'staging' });
    expect(recorder.calls({ query: true })).toEqual(['POST /namespaces/staging/seldondeployments']);
    expect(JSON.parse(recorder.exchanges[0]?.body ?? '').metadata).toEqual({
      name: 'iris',
      namespace: 'staging',
    });
    await expect(createSeldonDeployment(seldon, IRIS, { namespace: 'staging' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID_OPTION',
      message: expect.stringContaining("differs from deployment.metadata.namespace 'prod'"),
    });
    expect(recorder.exchanges).toHaveLength(1);
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('updates with PUT under the manifest name and deletes', async () => {
    await updateSeldonDeployment(seldon, { ...IRIS, spec: { ...IRIS.spec, replicas: 3 } });
    await deleteSeldonDeployment(seldon, 'prod', 'iris', { action: 'delete', message: 'retire iris' });
    expect(recorder.calls({ query: true })).toEqual([
      'PUT /namespaces/prod/seldondeployments/iris',
      'DELETE /namespaces/prod/seldondeployments/iris?action=delete&message=retire%20iris',
    ]);
    expect(recorder.requestViolations()).toEqual([]);
  });
});

describe('predict and wait', () => {
  it('posts the prediction payload as JSON', async () => {
    await predictSeldonDeployment(seldon, 'prod', 'iris', { data: { ndarray: [[5.1, 3.5, 1.4, 0.2]] } });
    expect(recorder.calls({ query: true })).toEqual(['POST /namespaces/prod/seldondeployments/iris/predict']);
    expect(JSON.parse(recorder.exchanges[0]?.body ?? '')).toEqual({
      data: { ndarray: [[5.1, 3.5, 1.4, 0.2]] },
    });
    expect(recorder.requestViolations()).toEqual([]);
  });

  it('polls GET .../seldondeployments/{name} while waiting', async () => {
    // Prism's example state is "string", never Available: stop after the first poll.
    const stop = new AbortController();
    await expect(
      waitForSeldonDeploymentAvailable(seldon, 'prod', 'iris', {
        signal: stop.signal,
        onPoll: () => stop.abort(),
      }),
    ).rejects.toMatchObject({ code: 'SELDON_WAIT_ABORTED', lastState: 'string' });
    expect(recorder.calls({ query: true })).toEqual(['GET /namespaces/prod/seldondeployments/iris']);
    expect(recorder.requestViolations()).toEqual([]);
  });
});
