import { ApiError, redactSecrets, redactUrl, unwrap } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createSeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;

/** The ApiError a call rejects with; fails the test if it resolves or throws something else. */
async function apiErrorOf(call: Promise<unknown>): Promise<ApiError> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(ApiError);
  return outcome as ApiError;
}
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('unwrap', () => {
  it('returns the data of a successful call', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 200, { multi_user: true }));
    const kfp = createKfpV2Client({ baseUrl: server.url });
    expect(unwrap(await kfp.GET('/apis/v2beta1/healthz'))).toEqual({ multi_user: true });
  });

  it("throws ApiError with KFP's google.rpc.Status code and message, method and URL", async () => {
    server = await startHttpServer((_, response) =>
      sendJson(response, 404, { code: 5, message: 'Experiment exp-1 not found', details: [] }),
    );
    const kfp = createKfpV2Client({ baseUrl: server.url });
    const error = await apiErrorOf(
      kfp
        .GET('/apis/v2beta1/experiments/{experiment_id}', { params: { path: { experiment_id: 'exp-1' } } })
        .then(unwrap),
    );
    expect(error).toMatchObject({
      code: 'API_HTTP_STATUS',
      status: 404,
      method: 'GET',
      url: `${server.url}/apis/v2beta1/experiments/exp-1`,
      upstream: { code: 5, message: 'Experiment exp-1 not found' },
    });
    expect(error.message).toBe(
      `GET ${server.url}/apis/v2beta1/experiments/exp-1 failed with HTTP 404: Experiment exp-1 not found.`,
    );
  });

  it("parses Seldon Deploy's error body and request id", async () => {
    server = await startHttpServer((_, response) =>
      sendJson(response, 400, { code: 400, message: 'bad deployment', requestId: 'req-42' }),
    );
    const seldon = createSeldonDeployClient({ baseUrl: `${server.url}/seldon-deploy/api/v1alpha1` });
    const error = await apiErrorOf(
      seldon
        .GET('/namespaces/{namespace}/seldondeployments', { params: { path: { namespace: 'prod' } } })
        .then(unwrap),
    );
    expect(error).toMatchObject({
      status: 400,
      requestId: 'req-42',
      upstream: { code: 400, message: 'bad deployment' },
    });
    expect(error.url).toBe(`${server.url}/seldon-deploy/api/v1alpha1/namespaces/prod/seldondeployments`);
  });

  it("reads KFP's upload error body ({ error_message, error_details })", async () => {
    server = await startHttpServer((_, response) =>
      sendJson(response, 400, {
        error_message: 'Failed to create a pipeline due to invalid YAML',
        error_details: 'yaml: line 2: mapping values are not allowed in this context',
      }),
    );
    const kfp = createKfpV2Client({ baseUrl: server.url });
    const result = await kfp.POST('/apis/v2beta1/pipelines/upload', {
      params: { query: { name: 'p' } },
      body: { uploadfile: new Blob(['a: b: c']) },
    });
    expect(() => unwrap(result)).toThrow(
      expect.objectContaining({
        status: 400,
        message: expect.stringContaining(': Failed to create a pipeline due to invalid YAML.'),
        upstream: {
          code: undefined,
          message: 'Failed to create a pipeline due to invalid YAML',
          details: ['yaml: line 2: mapping values are not allowed in this context'],
        },
      }),
    );
  });

  it('throws for a failed call with an empty body', async () => {
    server = await startHttpServer((_, response) => {
      response.writeHead(503, { 'content-length': '0' }).end();
    });
    const kfp = createKfpV2Client({ baseUrl: server.url });
    const result = await kfp.GET('/apis/v2beta1/healthz');
    expect(() => unwrap(result)).toThrow(/GET .*\/apis\/v2beta1\/healthz failed with HTTP 503\./);
  });
});

describe('HTML where JSON was expected', () => {
  it('becomes an API_HTML_RESPONSE error that points at auth and baseUrl', async () => {
    server = await startHttpServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!DOCTYPE html><html><body><form action="/dex/auth/local/login">Log in</form></body></html>',
      );
    });
    const kfp = createKfpV2Client({ baseUrl: server.url });
    const error = await apiErrorOf(kfp.GET('/apis/v2beta1/experiments'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('API_HTML_RESPONSE');
    expect(error.message).toMatch(/HTML page/);
    expect(error.message).toMatch(/auth plugin/);
    expect(error.message).toMatch(/baseUrl/);
  });

  it('names the URL the redirects ended at', async () => {
    server = await startHttpServer((request, response) => {
      if (request.url?.startsWith('/apis/')) {
        response.writeHead(302, {
          location: '/dex/auth?client_id=kubeflow-oidc-authservice&state=s3cr3t-state',
        });
        return void response.end();
      }
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>login</html>');
    });
    const kfp = createKfpV2Client({ baseUrl: server.url });
    const error = await apiErrorOf(kfp.GET('/apis/v2beta1/experiments'));
    expect(error.url).toBe(`${server.url}/dex/auth?client_id=kubeflow-oidc-authservice&state=[REDACTED]`);
    expect(error.message).not.toContain('s3cr3t-state');
  });
});

describe('redaction', () => {
  it('drops user info and secret query values from URLs', () => {
    expect(redactUrl('https://user:hunter22@kf.example.com/pipeline?token=abc123&namespace=a&code=xyz')).toBe(
      'https://kf.example.com/pipeline?token=[REDACTED]&namespace=a&code=[REDACTED]',
    );
    expect(redactUrl('not a url')).toBe('[unparseable URL]');
  });

  it('replaces every occurrence of each secret in text', () => {
    expect(redactSecrets('login as alice with hunter22, hunter22 again', ['hunter22', undefined, 'ab'])).toBe(
      'login as alice with [REDACTED], [REDACTED] again',
    );
  });

  it('never puts a request URL query secret into an ApiError message', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 403, { message: 'denied' }));
    const kfp = createKfpV2Client({ baseUrl: server.url });
    const result = await kfp.GET('/apis/v2beta1/runs', {
      params: { query: { filter: 'x', page_token: 'secret-page-token-value' } },
    });
    const error = (() => {
      try {
        unwrap(result);
      } catch (caught) {
        return caught as ApiError;
      }
    })();
    expect(error?.message).not.toContain('secret-page-token-value');
    expect(error?.message).toContain('page_token=[REDACTED]');
  });
});
