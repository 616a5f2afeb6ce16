import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { isTransient, MlPlatformError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createTestCertificates, freePort } from '@ml-platform/testbed';
import { closeServer, listenOnLoopback } from '@ml-platform/testbed/http-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

async function failureOf(promise: Promise<unknown>): Promise<MlPlatformError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(MlPlatformError);
    return error as MlPlatformError;
  }
  throw new Error('expected the call to fail');
}

let notHttp: Server;
let notHttpUrl: string;
const notHttpSockets = new Set<Socket>();
beforeAll(async () => {
  // An SSH-like service: it answers, but not in HTTP.
  notHttp = createTcpServer((socket) => {
    notHttpSockets.add(socket);
    socket.on('close', () => notHttpSockets.delete(socket));
    socket.end('SSH-2.0-OpenSSH_9.6\r\n');
  });
  await new Promise<void>((resolve) => notHttp.listen(0, '127.0.0.1', resolve));
  const address = notHttp.address();
  notHttpUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  for (const socket of notHttpSockets) socket.destroy();
  await new Promise((resolve) => notHttp.close(resolve));
});

describe('failures below HTTP are MlPlatformErrors that name the call', () => {
  it('a refused connection: NETWORK_ERROR with method, URL (redacted) and the cause kept', async () => {
    const port = await freePort();
    const kfp = createKfpV2Client({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await failureOf(
      kfp.GET('/apis/v2beta1/runs', { params: { query: { namespace: 'team', filter: 'x' } } }),
    );
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toMatch(
      new RegExp(
        `^GET http://127.0.0.1:${port}/apis/v2beta1/runs\\?\\[query omitted\\] failed: connection refused \\(ECONNREFUSED\\)`,
      ),
    );
    expect(error.message).toMatch(/port-forward/);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect((error.cause as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
    expect(isTransient(error)).toBe(true);
  });

  it('an unknown host: NETWORK_ERROR saying DNS could not resolve it', async () => {
    const kfp = createKfpV2Client({ baseUrl: 'http://ml-pipeline.no-such-namespace.invalid:8888' });
    const error = await failureOf(kfp.GET('/apis/v2beta1/healthz'));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    expect(error.message).toMatch(
      /unknown host ml-pipeline.no-such-namespace.invalid \((ENOTFOUND|EAI_AGAIN)\)/,
    );
  });

  it('a port fetch refuses to use: NETWORK_ERROR explaining the blocked port', async () => {
    const kfp = createKfpV2Client({ baseUrl: 'http://127.0.0.1:6000' });
    const error = await failureOf(kfp.GET('/apis/v2beta1/healthz'));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    expect(error.message).toMatch(/port 6000 is one fetch refuses to use/);
  });

  it('a port where something else than HTTP answers: NETWORK_ERROR asking whether it is the right port', async () => {
    const kfp = createKfpV2Client({ baseUrl: notHttpUrl });
    const error = await failureOf(kfp.GET('/apis/v2beta1/healthz'));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    expect(error.message).toMatch(/did not answer in HTTP.*right port/);
  });

  it('https:// to a plain HTTP server: TLS_ERROR, not transient', async () => {
    const kfp = createKfpV2Client({ baseUrl: notHttpUrl.replace('http:', 'https:') });
    const error = await failureOf(kfp.GET('/apis/v2beta1/healthz'));
    expect(error.code).toBe('TLS_ERROR');
    expect(error.message).toMatch(
      /^GET https:\/\/127.0.0.1:\d+\/apis\/v2beta1\/healthz failed: TLS handshake/,
    );
    expect(isTransient(error)).toBe(false);
  });

  it('an untrusted server certificate: TLS_ERROR that says to pass tls.ca', async () => {
    const certificates = createTestCertificates();
    const server = createHttpsServer({ key: certificates.key, cert: certificates.cert }, (_, response) =>
      response.end('{}'),
    );
    const baseUrl = (await listenOnLoopback(server)).replace('http:', 'https:');
    try {
      const kfp = createKfpV2Client({ baseUrl });
      const error = await failureOf(kfp.GET('/apis/v2beta1/healthz'));
      expect(error.code).toBe('TLS_ERROR');
      expect(error.message).toMatch(
        /(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN).*pass the cluster CA as tls.ca/,
      );
    } finally {
      await closeServer(server);
    }
  });

  it('leaves the query, where one-time secrets live, out of the message', async () => {
    const port = await freePort();
    const kfp = createKfpV2Client({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await failureOf(
      kfp.GET('/apis/v2beta1/healthz', { params: { query: { token: 's3cr3t-value' } as never } }),
    );
    expect(error.code).toBe('NETWORK_ERROR');
    expect(inspect(error)).not.toContain('s3cr3t-value');
    expect(error.message).toMatch(/healthz\?\[query omitted\] failed/);
  });

  it("keeps a browser's bare network TypeError, and passes a misuse TypeError through unchanged", async () => {
    const browserFailure = new TypeError('Failed to fetch');
    const browserLike = createKfpV2Client({
      baseUrl: 'https://kubeflow.example.com/pipeline',
      fetch: async () => {
        throw browserFailure;
      },
      retry: false,
    });
    const error = await failureOf(browserLike.GET('/apis/v2beta1/healthz'));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', cause: browserFailure });
    expect(error.message).toMatch(
      /^GET https:\/\/kubeflow.example.com\/pipeline\/apis\/v2beta1\/healthz failed: Failed to fetch/,
    );

    const misuse = new TypeError('Request with GET/HEAD method cannot have body.');
    const misused = createKfpV2Client({
      baseUrl: 'https://kubeflow.example.com/pipeline',
      fetch: async () => {
        throw misuse;
      },
    });
    await expect(misused.GET('/apis/v2beta1/healthz')).rejects.toBe(misuse);
  });

  it("diagnoses Bun's network TypeError, which carries the system code itself and no cause", async () => {
    // What Bun 1.3's fetch rejects with for a refused connection (seen running this package on Bun).
    const bunFailure = Object.assign(
      new TypeError('ECONNREFUSED: Unable to connect. Is the computer able to access the url?'),
      { code: 'ECONNREFUSED', path: 'http://127.0.0.1:59999/apis/v2beta1/healthz', errno: 0 },
    );
    const bunLike = createKfpV2Client({
      baseUrl: 'http://127.0.0.1:59999',
      fetch: async () => {
        throw bunFailure;
      },
      retry: false,
    });
    const error = await failureOf(bunLike.GET('/apis/v2beta1/healthz'));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', cause: bunFailure });
    expect(error.message).toMatch(
      /failed: connection refused \(ECONNREFUSED\): nothing listens on 127\.0\.0\.1:59999/,
    );

    // Node's own misuse errors carry an ERR_ code: not a network failure.
    const misuse = Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' });
    const misused = createKfpV2Client({
      baseUrl: 'https://kubeflow.example.com/pipeline',
      fetch: async () => {
        throw misuse;
      },
    });
    await expect(misused.GET('/apis/v2beta1/healthz')).rejects.toBe(misuse);
  });
});
