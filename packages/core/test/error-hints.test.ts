import { ApiError, staticTokenAuth, unwrap } from '@ml-platform/core';
import { createKfpV1Client } from '@ml-platform/kfp-v1';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createSeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function errorOf(
  call: Promise<{ response: Response; data?: unknown; error?: unknown }>,
): Promise<ApiError> {
  try {
    unwrap(await call);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError');
}

describe('a 401 on a client without credentials', () => {
  it('names the plugins that fit', async () => {
    server = await startHttpServer((_, response) =>
      sendJson(response, 401, { code: 16, message: 'Unauthenticated' }),
    );
    // `auth: []`: no plugin at all, not even the KFP clients' in-pod lookup (kfp-common tests that one's 401).
    const error = await errorOf(
      createKfpV2Client({ baseUrl: server.url, auth: [] }).GET('/apis/v2beta1/healthz'),
    );
    expect(error.message).toMatch(/carried no credentials/);
    for (const plugin of ['serviceAccountTokenAuth', 'dexSessionAuth', 'oidcAuth', 'staticTokenAuth']) {
      expect(error.message).toContain(plugin);
    }
  });

  it('does not suggest a plugin when one signed the request', async () => {
    server = await startHttpServer((_, response) =>
      sendJson(response, 401, { code: 16, message: 'Unauthenticated' }),
    );
    const kfp = createKfpV2Client({ baseUrl: server.url, auth: staticTokenAuth('some-token') });
    const error = await errorOf(kfp.GET('/apis/v2beta1/healthz'));
    expect(error.message).not.toMatch(/carried no credentials/);
  });
});

describe('a 404 at a KFP root without /pipeline', () => {
  // Istio's gateway answers an unrouted path with an empty 404 (envoy's default), not google.rpc.Status.
  const gateway404 = () =>
    startHttpServer((_, response) => {
      response.writeHead(404, { server: 'istio-envoy', 'content-length': 0 });
      response.end();
    });

  it.each([
    ['v1', () => createKfpV1Client({ baseUrl: server?.url ?? '' }).GET('/apis/v1beta1/healthz')],
    ['v2', () => createKfpV2Client({ baseUrl: server?.url ?? '' }).GET('/apis/v2beta1/healthz')],
  ])('says the API is usually under /pipeline (%s)', async (_, call) => {
    server = await gateway404();
    const error = await errorOf(call());
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/has no \/pipeline path.*https:\/\/<kubeflow-host>\/pipeline/);
  });

  it('says nothing of the kind when the API itself answered 404', async () => {
    server = await startHttpServer((_, response) =>
      sendJson(response, 404, { code: 5, message: 'run r1 not found' }),
    );
    const error = await errorOf(
      createKfpV2Client({ baseUrl: server.url }).GET('/apis/v2beta1/runs/{run_id}', {
        params: { path: { run_id: 'r1' } },
      }),
    );
    expect(error.message).not.toMatch(/\/pipeline path/);
  });

  it('says nothing of the kind when baseUrl has /pipeline', async () => {
    server = await gateway404();
    const error = await errorOf(
      createKfpV2Client({ baseUrl: `${server.url}/pipeline` }).GET('/apis/v2beta1/healthz'),
    );
    expect(error.message).not.toMatch(/\/pipeline path/);
  });

  it('is KFP’s hint only: Seldon Deploy clients do not give it', async () => {
    server = await gateway404();
    const seldon = createSeldonDeployClient({ baseUrl: server.url });
    const error = await errorOf(seldon.GET('/healthcheck'));
    expect(error.message).not.toMatch(/\/pipeline/);
  });
});
