// The test bed's kube-apiserver stand-in, asked directly over TLS (node:https), the way kubectl would.
import { request as httpsRequest } from 'node:https';
import {
  createTestCertificates,
  freePort,
  type KubeApiServer,
  startHttpServer,
  startKubeApiServer,
  type TestCertificates,
  type TestHttpServer,
} from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let certificates: TestCertificates;
let backend: TestHttpServer;
let api: KubeApiServer;

let closedPort: number;

beforeAll(async () => {
  closedPort = await freePort();
  certificates = createTestCertificates({ clientSubject: '/CN=jane/O=dev/O=ops' });
  backend = await startHttpServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: request.url }));
  });
  api = await startKubeApiServer({
    certificates,
    tokens: { 'good-token-0123456789': 'alice', 'limited-token-0123456789': 'bob' },
    authorize: (user, attributes) =>
      user.via !== 'anonymous' && !(user.name === 'bob' && attributes.verb !== 'get'),
    services: [
      {
        namespace: 'kubeflow',
        name: 'ml-pipeline',
        ports: [
          { name: 'http', port: 8888, endpoint: async () => backend.url },
          { name: 'grpc', port: 8887, endpoint: async () => `http://127.0.0.1:${closedPort}` },
        ],
      },
      { namespace: 'default', name: 'single', ports: [{ port: 80, endpoint: async () => backend.url }] },
    ],
  });
});
afterAll(async () => {
  await Promise.all([api.stop(), backend.stop()]);
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function send(
  path: string,
  options: { token?: string; method?: string; cert?: { cert: string; key: string }; ca?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, api.url);
    const call = httpsRequest(
      url,
      {
        method: options.method ?? 'GET',
        ca: options.ca ?? certificates.ca,
        ...(options.cert ?? {}),
        headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    call.on('error', reject);
    call.end();
  });
}

const PROXY = '/api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy';

describe('the test API server', () => {
  it('authenticates client certificates (user from CN, groups from O) and bearer tokens, and proxies the rest of the path', async () => {
    const byCert = await send(`${PROXY}/apis/v2beta1/healthz?x=1`, {
      cert: { cert: certificates.clientCert, key: certificates.clientKey },
    });
    expect(byCert).toEqual({ status: 200, body: { url: '/apis/v2beta1/healthz?x=1' } });
    expect(api.requests.at(-1)).toMatchObject({ user: 'jane', via: 'x509', status: 200 });

    const byToken = await send(`${PROXY}/`, { token: 'good-token-0123456789' });
    expect(byToken.status).toBe(200);
    expect(api.requests.at(-1)).toMatchObject({ user: 'alice', via: 'token' });
    expect(backend.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('answers like kube-apiserver when it refuses: 401 for an unknown token, 403 for anonymous and for RBAC', async () => {
    expect(await send(`${PROXY}/`, { token: 'unknown-token' })).toEqual({
      status: 401,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      },
    });
    const anonymous = await send(`${PROXY}/`);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.message).toBe(
      'services "ml-pipeline:http" is forbidden: User "system:anonymous" cannot get resource "services/proxy" in API group "" in the namespace "kubeflow"',
    );
    expect((await send(`${PROXY}/`, { token: 'limited-token-0123456789' })).status).toBe(200);
    const post = await send(`${PROXY}/apis/v2beta1/runs`, {
      token: 'limited-token-0123456789',
      method: 'POST',
    });
    expect(post.status).toBe(403);
    expect(post.body).toMatchObject({
      reason: 'Forbidden',
      details: { name: 'ml-pipeline:http', kind: 'services' },
    });
  });

  it('finds the port by name or number, and says which part is missing', async () => {
    const token = 'good-token-0123456789';
    expect(
      (await send('/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy/', { token })).status,
    ).toBe(200);
    expect((await send('/api/v1/namespaces/default/services/single/proxy/', { token })).status).toBe(200);
    expect((await send('/api/v1/namespaces/default/services/single:80/proxy/', { token })).status).toBe(200);
    const cases: Array<[string, number, string]> = [
      ['/api/v1/namespaces/kubeflow/services/nope:http/proxy/', 404, 'services "nope" not found'],
      [
        '/api/v1/namespaces/kubeflow/services/ml-pipeline:9999/proxy/',
        503,
        'no service port 9999 found for service "ml-pipeline"',
      ],
      [
        '/api/v1/namespaces/kubeflow/services/ml-pipeline:web/proxy/',
        503,
        'no endpoints available for service "ml-pipeline:web"',
      ],
      ['/api/v1/namespaces/kubeflow/services/ftp:ml-pipeline:http/proxy/', 400, 'invalid service request'],
      [
        '/api/v1/namespaces/kubeflow/services/ml-pipeline:grpc/proxy/',
        503,
        'error trying to reach service: ECONNREFUSED',
      ],
      [
        '/api/v1/namespaces/kubeflow/services/https:ml-pipeline:http/proxy/',
        503,
        'error trying to reach service',
      ],
      ['/api/v1/namespaces/kubeflow/pods', 404, 'the server could not find the requested resource'],
    ];
    for (const [path, status, message] of cases) {
      const answer = await send(path, { token });
      expect(answer.status, path).toBe(status);
      expect(String(answer.body.message), path).toContain(message);
    }
  });

  it('refuses a client certificate from another CA', async () => {
    const other = createTestCertificates();
    expect((await send(`${PROXY}/`, { cert: { cert: other.clientCert, key: other.clientKey } })).status).toBe(
      401,
    );
  });

  it('requires a client certificate in the TLS handshake when told to, so a test can prove mutual TLS happened', async () => {
    const strict = await startKubeApiServer({ certificates, clientCertificates: 'required', services: [] });
    try {
      const url = strict.url;
      const attempt = (cert?: { cert: string; key: string }) =>
        new Promise<number>((resolve, reject) => {
          const call = httpsRequest(
            `${url}/api/v1/namespaces/default/services/x/proxy/`,
            { ca: certificates.ca, ...(cert ?? {}) },
            (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            },
          );
          call.on('error', reject);
          call.end();
        });
      await expect(attempt()).rejects.toThrow();
      expect(await attempt({ cert: certificates.clientCert, key: certificates.clientKey })).toBe(404);
    } finally {
      await strict.stop();
    }
  });
});
