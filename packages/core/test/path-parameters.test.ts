/**
 * An empty, "." or ".." path parameter would make the URL name another
 * resource (`new URL()` resolves dot segments): it is refused with
 * CONFIG_INVALID_PATH_PARAMETER, naming the parameter, before anything is
 * sent, through every typed client and the helpers built on them.
 */
import { ConfigError } from '@ml-platform/core';
import { createKfpV1Client } from '@ml-platform/kfp-v1';
import { createKfpV2Client, deleteRun } from '@ml-platform/kfp-v2';
import { createSeldonDeployClient, deleteSeldonDeployment } from '@ml-platform/seldon-deploy-v1alpha1';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let server: TestHttpServer;
const received: string[] = [];
beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{}');
  });
});
afterAll(() => server.stop());
beforeEach(() => {
  received.length = 0;
});

async function refusal(call: Promise<unknown>, parameter: string): Promise<void> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect(error).toMatchObject({
    code: 'CONFIG_INVALID_PATH_PARAMETER',
    message: expect.stringContaining(`path parameter ${parameter} is`),
  });
  expect(received).toEqual([]);
}

describe.each(['..', '.', ''])('the path parameter %j', (value) => {
  it('is refused by the KFP v2 client and deleteRun', async () => {
    const kfp = createKfpV2Client({ baseUrl: server.url });
    await refusal(
      kfp.DELETE('/apis/v2beta1/runs/{run_id}', { params: { path: { run_id: value } } }),
      'run_id',
    );
    await refusal(kfp.GET('/apis/v2beta1/runs/{run_id}', { params: { path: { run_id: value } } }), 'run_id');
    await expect(deleteRun(kfp, value)).rejects.toBeInstanceOf(ConfigError);
    expect(received).toEqual([]);
  });

  it('is refused by the KFP v1 client', async () => {
    const kfp = createKfpV1Client({ baseUrl: server.url });
    await refusal(kfp.DELETE('/apis/v1beta1/runs/{id}', { params: { path: { id: value } } }), 'id');
  });

  it('is refused by the Seldon Deploy client and deleteSeldonDeployment, for either parameter', async () => {
    const seldon = createSeldonDeployClient({ baseUrl: server.url });
    await refusal(
      seldon.DELETE('/namespaces/{namespace}/seldondeployments/{name}', {
        params: { path: { namespace: value, name: 'x' } },
      }),
      'namespace',
    );
    await expect(deleteSeldonDeployment(seldon, value, 'x')).rejects.toBeInstanceOf(ConfigError);
    await expect(deleteSeldonDeployment(seldon, 'ns', value)).rejects.toBeInstanceOf(ConfigError);
    expect(received).toEqual([]);
  });
});

it('lets a value with dots inside through, encoded as one segment', async () => {
  const kfp = createKfpV2Client({ baseUrl: server.url });
  await kfp.GET('/apis/v2beta1/runs/{run_id}', { params: { path: { run_id: '..x' } } });
  await deleteRun(kfp, 'a.b');
  expect(received).toEqual(['GET /apis/v2beta1/runs/..x', 'DELETE /apis/v2beta1/runs/a.b']);
});
