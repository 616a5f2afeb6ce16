import { ConfigError, staticCookieAuth, staticTokenAuth } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it, vi } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.stop();
  server = undefined;
});

const healthy = () => startHttpServer((_, response) => sendJson(response, 200, { multi_user: false }));

describe('baseUrl', () => {
  it('is the URL the spec paths are relative to; trailing slashes are normalized', async () => {
    server = await healthy();
    const kfp = createKfpV2Client({ baseUrl: `${server.url}/pipeline///` });
    await kfp.GET('/apis/v2beta1/healthz');
    expect(server.requests[0]?.url).toBe('/pipeline/apis/v2beta1/healthz');
  });

  it.each([
    ['', /non-empty URL/],
    ['kubeflow.example.com/pipeline', /absolute URL with a scheme/],
    ['ftp://kubeflow.example.com', /http or https/],
    ['https://kubeflow.example.com/pipeline?x=1', /query or fragment/],
  ])('refuses %j with a ConfigError that shows an example', (baseUrl, message) => {
    const attempt = () => createKfpV2Client({ baseUrl });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(/https:\/\/<kubeflow-host>\/pipeline/);
  });
});

describe('headers, user agent, middleware and auth', () => {
  it('sends default headers, a package User-Agent, and the auth plugins in order', async () => {
    server = await healthy();
    const kfp = createKfpV2Client({
      baseUrl: server.url,
      headers: { 'kubeflow-userid': 'alice@example.com' },
      auth: [staticTokenAuth('abc-token'), staticCookieAuth('authservice_session=xyz')],
    });
    await kfp.GET('/apis/v2beta1/healthz');
    expect(server.requests[0]?.headers).toMatchObject({
      'kubeflow-userid': 'alice@example.com',
      'user-agent': '@ml-platform/kfp-v2',
      authorization: 'Bearer abc-token',
      cookie: 'authservice_session=xyz',
    });
  });

  it('takes a custom userAgent', async () => {
    server = await healthy();
    await createKfpV2Client({ baseUrl: server.url, userAgent: 'my-tool/1.0' }).GET('/apis/v2beta1/healthz');
    expect(server.requests[0]?.headers['user-agent']).toBe('my-tool/1.0');
  });

  it('refuses something that is not a plugin, saying what was expected', () => {
    expect(() => createKfpV2Client({ baseUrl: 'http://127.0.0.1:1', auth: 'my-token' as never })).toThrow(
      /auth\/middleware entry 0 is not a plugin.*staticTokenAuth/,
    );
  });

  it.each([
    ['token', () => staticTokenAuth('')],
    ['token', () => staticTokenAuth('abc\r\nX-Injected: 1')],
    ['cookie', () => staticCookieAuth('  ')],
  ])('static plugins validate the %s up front', (option, create) => {
    expect(create).toThrow(new RegExp(`${option} must`));
  });
});

describe('timeoutMs', () => {
  it('aborts a request that gets no answer in time with REQUEST_TIMEOUT', async () => {
    server = await startHttpServer(async (_, response) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      sendJson(response, 200, {});
    });
    const kfp = createKfpV2Client({ baseUrl: server.url, timeoutMs: 100 });
    await expect(kfp.GET('/apis/v2beta1/healthz')).rejects.toMatchObject({
      code: 'REQUEST_TIMEOUT',
      message: expect.stringMatching(
        /GET .*\/apis\/v2beta1\/healthz got no response within timeoutMs \(100 ms\)/,
      ),
    });
  });

  it('still honours the caller’s own AbortSignal', async () => {
    server = await startHttpServer(async (_, response) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      sendJson(response, 200, {});
    });
    const kfp = createKfpV2Client({ baseUrl: server.url, timeoutMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(kfp.GET('/apis/v2beta1/healthz', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('rejects a non-positive value', () => {
    expect(() => createKfpV2Client({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 0 })).toThrow(
      /timeoutMs must be/,
    );
  });
});
