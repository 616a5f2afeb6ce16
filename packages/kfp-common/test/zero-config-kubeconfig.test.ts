// The last step of the zero-config chain: with no endpoint configured and no pod around, a KFP client goes
// through the kubeconfig's current context and the API server's service proxy, as kfp.Client 2.17 does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeKfpConnection } from '@ml-platform/kfp-common';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import {
  createTestCertificates,
  type KfpEmulatorServer,
  type KubeApiServer,
  sendJson,
  startHttpServer,
  startKfpEmulatorServer,
  startKubeApiServer,
  type TestHttpServer,
} from '@ml-platform/testbed';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

let api: KubeApiServer;
let kfp: KfpEmulatorServer;
let echo: TestHttpServer;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  const certificates = createTestCertificates();
  kfp = await startKfpEmulatorServer({ multiUser: false });
  echo = await startHttpServer((_request, response) => sendJson(response, 200, { echoed: true }));
  api = await startKubeApiServer({
    certificates,
    tokens: { 'dev-token-0123456789': 'dev@example.com' },
    services: [
      {
        namespace: 'kubeflow',
        name: 'ml-pipeline',
        ports: [{ name: 'http', port: 8888, endpoint: async () => kfp.url }],
      },
      {
        namespace: 'team-a',
        name: 'echo',
        ports: [{ name: 'web', port: 80, endpoint: async () => echo.url }],
      },
    ],
  });
  dir = mkdtempSync(join(tmpdir(), 'kfp-zero-config-'));
  kubeconfig = join(dir, 'config');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: dev-cluster',
      '  cluster:',
      `    server: ${api.url}`,
      `    certificate-authority-data: ${Buffer.from(certificates.ca).toString('base64')}`,
      'users:',
      '- name: dev',
      '  user:',
      '    token: dev-token-0123456789',
      'contexts:',
      '- name: dev',
      '  context: {cluster: dev-cluster, user: dev}',
      'current-context: dev',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await Promise.all([api.stop(), kfp.stop(), echo.stop()]);
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv('KF_PIPELINES_ENDPOINT', '');
  vi.stubEnv('ML_PIPELINE_UI_SERVICE_HOST', '');
  vi.stubEnv('KUBERNETES_SERVICE_HOST', '');
  vi.stubEnv('KUBECONFIG', kubeconfig);
});

describe('the zero-config chain: kubeconfig step', () => {
  it("reaches ml-pipeline through the current context's API server proxy, signed as its user", async () => {
    const client = createKfpV2Client();
    const { data, response } = await client.GET('/apis/v2beta1/healthz');
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ pipeline_store: 'database' });
    expect(response.url).toBe(
      `${api.url}/api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy/apis/v2beta1/healthz`,
    );
    expect(api.requests.at(-1)?.user).toBe('dev@example.com');
  });

  it('says which step was picked and why the earlier ones were not', async () => {
    const connection = await describeKfpConnection();
    expect(connection).toEqual({
      source: 'kubeconfig',
      baseUrl: `${api.url}/api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy`,
      kubeService: 'kubeflow/ml-pipeline:http',
      context: 'dev',
      user: 'dev',
      server: api.url,
      skipped: [
        'KF_PIPELINES_ENDPOINT is not set',
        'not in a pod (neither ML_PIPELINE_UI_SERVICE_HOST nor KUBERNETES_SERVICE_HOST is set)',
      ],
    });
  });

  it('takes another Service as kubeService', async () => {
    const client = createKfpV2Client({ kubeService: 'team-a/echo:web' });
    const { data } = await client.GET('/apis/v2beta1/healthz');
    expect(data).toEqual({ echoed: true });
    expect(() => createKfpV2Client({ kubeService: 'echo' })).toThrow(
      /kubeService must be namespace\/name:port/,
    );
  });

  it('checks the options first, and the tls and proxy it will use, when the client is made', () => {
    expect(() => createKfpV2Client({ baseURL: kfp.url } as never)).toThrow(
      /unknown option baseURL \(did you mean baseUrl\?\)/,
    );
    expect(() => createKfpV2Client({ tls: { ca: 'not pem' } })).toThrow(/tls\.ca is not PEM/);
  });

  it('comes after KF_PIPELINES_ENDPOINT and the in-cluster service', async () => {
    vi.stubEnv('KF_PIPELINES_ENDPOINT', kfp.url);
    expect(await describeKfpConnection()).toEqual({
      source: 'KF_PIPELINES_ENDPOINT',
      baseUrl: kfp.url,
      skipped: [],
    });
    vi.stubEnv('KF_PIPELINES_ENDPOINT', '');
    vi.stubEnv('KUBERNETES_SERVICE_HOST', '10.0.0.1');
    expect(await describeKfpConnection()).toMatchObject({
      source: 'in-cluster',
      skipped: ['KF_PIPELINES_ENDPOINT is not set'],
    });
  });

  it('fails with CONFIG_NO_BASE_URL naming every step when there is no kubeconfig either', async () => {
    vi.stubEnv('KUBECONFIG', join(dir, 'missing-config'));
    expect(() => createKfpV2Client()).toThrow(expect.objectContaining({ code: 'CONFIG_NO_BASE_URL' }));
    expect(() => createKfpV2Client()).toThrow(
      /KF_PIPELINES_ENDPOINT is not set; not in a pod .*; no kubeconfig \(looked at .*missing-config\)/,
    );
    await expect(describeKfpConnection()).rejects.toMatchObject({ code: 'CONFIG_NO_BASE_URL' });
  });

  it("fails the request with the kubeconfig's own error when the file is not usable, and reads it again next time", async () => {
    const broken = join(dir, 'broken');
    writeFileSync(broken, 'current-context: nowhere\n');
    vi.stubEnv('KUBECONFIG', broken);
    const client = createKfpV2Client();
    await expect(client.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: 'KUBECONFIG_NOT_DEFINED',
    });
    writeFileSync(broken, (await import('node:fs')).readFileSync(kubeconfig, 'utf8'));
    expect((await client.GET('/apis/v2beta1/healthz')).response.status).toBe(200);
  });
});
