import { KubeconfigError, kubeServiceProxy } from '@ml-platform/auth-kubeconfig';
import { ConfigError } from '@ml-platform/core';
import { createKfpV2Client, getOrCreateExperiment } from '@ml-platform/kfp-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScratchDir } from './support/scratch-dir.js';
import { startTestCluster, type TestCluster } from './support/test-cluster.js';

const TOKEN = 'kubeconfig-token-0123456789';
let cluster: TestCluster;
let scratch: ScratchDir;
let kubeconfig: string;

beforeAll(async () => {
  cluster = await startTestCluster({
    tokens: { [TOKEN]: 'alice', 'intruder-token-0123456789': 'mallory' },
    authorize: (user, attributes) => user.name !== 'mallory' && !(attributes.namespace === 'secret'),
  });
  scratch = new ScratchDir();
  kubeconfig = scratch.kubeconfig('config', {
    'current-context': 'test',
    clusters: [
      {
        name: 'test',
        cluster: {
          server: cluster.api.url,
          'certificate-authority-data': Buffer.from(cluster.certificates.ca).toString('base64'),
        },
      },
    ],
    users: [
      { name: 'alice', user: { token: TOKEN } },
      { name: 'mallory', user: { token: 'intruder-token-0123456789' } },
    ],
    contexts: [
      { name: 'test', context: { cluster: 'test', user: 'alice' } },
      { name: 'intruder', context: { cluster: 'test', user: 'mallory' } },
    ],
  });
});
afterAll(async () => {
  await cluster.stop();
  scratch.remove();
});

describe('kubeServiceProxy', () => {
  it('reaches ml-pipeline through the API server with a KFP v2 client, as kfp.Client(kube_context) does', async () => {
    const options = kubeServiceProxy({
      kubeconfig,
      namespace: 'kubeflow',
      service: 'ml-pipeline',
      port: 'http',
    });
    expect(options.baseUrl).toBe(
      `${cluster.api.url}/api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy`,
    );
    expect(options.tls).toEqual({ ca: cluster.certificates.ca });

    const kfp = createKfpV2Client({ ...options });
    const experiment = await getOrCreateExperiment(kfp, { name: 'through-the-proxy' });
    const again = await getOrCreateExperiment(kfp, { name: 'through-the-proxy' });
    expect(again.experiment_id).toBe(experiment.experiment_id);

    const seen = cluster.api.requests.filter((request) =>
      request.path.includes('/services/ml-pipeline:http/proxy/'),
    );
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(
      seen.every((request) => request.user === 'alice' && request.via === 'token' && request.status === 200),
    ).toBe(true);
  });

  it('takes the port by number and keeps the rest of the path and the query', async () => {
    const kfp = createKfpV2Client({
      ...kubeServiceProxy({ kubeconfig, namespace: 'kubeflow', service: 'ml-pipeline', port: 8888 }),
    });
    const { data, response } = await kfp.GET('/apis/v2beta1/experiments', {
      params: { query: { page_size: 1 } },
    });
    expect(response.status).toBe(200);
    expect(data).toBeDefined();
    expect(cluster.api.requests.at(-1)?.path).toBe(
      '/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy/apis/v2beta1/experiments',
    );
  });

  it('does not pass the Kubernetes credential on to the Service', async () => {
    const before = cluster.echo.requests.length;
    const client = createKfpV2Client({
      ...kubeServiceProxy({ kubeconfig, namespace: 'default', service: 'echo', port: 'http' }),
    });
    const { response } = await client.GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(200);
    const received = cluster.echo.requests.slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]?.url).toBe('/apis/v2beta1/healthz');
    expect(received[0]?.headers.authorization).toBeUndefined();
  });

  it("surfaces the API server's refusals as ApiErrors: RBAC's 403 and an unknown Service's 404", async () => {
    const forbidden = createKfpV2Client({
      ...kubeServiceProxy({
        kubeconfig,
        context: 'intruder',
        namespace: 'kubeflow',
        service: 'ml-pipeline',
        port: 'http',
      }),
    });
    const refused = await forbidden.GET('/apis/v2beta1/healthz');
    expect(refused.response.status).toBe(403);
    expect(JSON.stringify(refused.error)).toContain('cannot get resource \\"services/proxy\\"');

    const missing = createKfpV2Client({
      ...kubeServiceProxy({ kubeconfig, namespace: 'kubeflow', service: 'no-such-service', port: 'http' }),
    });
    const notFound = await missing.GET('/apis/v2beta1/healthz');
    expect(notFound.response.status).toBe(404);
    expect(JSON.stringify(notFound.error)).toContain('services \\"no-such-service\\" not found');
  });

  it('refuses bad options before loading anything, naming the option', () => {
    const bad = [
      { namespace: 'Kubeflow', service: 'ml-pipeline', port: 'http' },
      { namespace: 'kubeflow', service: '', port: 'http' },
      { namespace: 'kubeflow', service: 'ml-pipeline', port: 0 },
      { namespace: 'kubeflow', service: 'ml-pipeline', port: 'http', scheme: 'ftp' },
      { namespace: 'kubeflow', service: 'ml-pipeline', port: 'http', contxt: 'typo' },
    ];
    const messages = bad.map((options) => {
      try {
        kubeServiceProxy({ kubeconfig: '/nonexistent', ...options } as unknown as Parameters<
          typeof kubeServiceProxy
        >[0]);
        return 'no error';
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect(error).not.toBeInstanceOf(KubeconfigError);
        return (error as Error).message;
      }
    });
    expect(messages[0]).toMatch(/namespace must be a Kubernetes name.*'Kubeflow'/);
    expect(messages[1]).toMatch(/service must be a Kubernetes name/);
    expect(messages[2]).toMatch(/port must be the Service port's name/);
    expect(messages[3]).toMatch(/scheme must be 'http' or 'https'/);
    expect(messages[4]).toMatch(/unknown option contxt \(did you mean context\?\)/);
  });
});
