// validateSeldonDeployment: Seldon Deploy's ValidateSeldonDeployment is a GET
// with the deployment as its body (the spec and the Python SDK send it so).
// The Fetch standard forbids that body, so core sends it through undici's
// request API on Node: checked here on the wire (a real node:http server) and
// by Prism, which validates the request against the upstream spec.
import {
  createSeldonDeployClient,
  type SeldonDeployment,
  staticTokenAuth,
  validateSeldonDeployment,
} from '@ml-platform/seldon-deploy-v1alpha1';
import { type PrismServer, startHttpServer, startPrism, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

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

let server: TestHttpServer | PrismServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('validateSeldonDeployment', () => {
  it('sends a GET carrying the deployment as its JSON body, and returns the answer', async () => {
    const http = await startHttpServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"code":200,"message":"valid"}');
    });
    server = http;
    const seldon = createSeldonDeployClient({ baseUrl: http.url, auth: staticTokenAuth('t0ken-value') });
    await expect(validateSeldonDeployment(seldon, { namespace: 'prod', deployment: IRIS })).resolves.toEqual({
      code: 200,
      message: 'valid',
    });
    const [request] = http.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/namespaces/prod/seldondeployments/validate');
    expect(JSON.parse(request?.body.toString() ?? '')).toEqual(IRIS);
    expect(request?.headers.authorization).toBe('Bearer t0ken-value');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(Object.keys(request?.headers ?? {}).filter((name) => name.startsWith('x-ml-platform'))).toEqual(
      [],
    );
  });

  it('is accepted by Prism, which checks the request against the upstream spec', {
    timeout: 90_000,
  }, async () => {
    const prism = await startPrism('seldon-deploy-v1alpha1');
    server = prism;
    const seldon = createSeldonDeployClient({ baseUrl: prism.url, auth: staticTokenAuth('t0ken-value') });
    const { response } = await seldon.GET('/namespaces/{namespace}/seldondeployments/validate', {
      params: { path: { namespace: 'prod' } },
      body: IRIS,
    });
    expect(response.status).toBe(200);
  });

  it('turns an error answer into an ApiError naming GET, not the internal POST', async () => {
    const http = await startHttpServer((_, response) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"code":500,"message":"predictor default has no graph"}');
    });
    server = http;
    const seldon = createSeldonDeployClient({ baseUrl: http.url });
    await expect(
      validateSeldonDeployment(seldon, { namespace: 'prod', deployment: IRIS }),
    ).rejects.toMatchObject({
      status: 500,
      message: expect.stringMatching(/^GET .*\/namespaces\/prod\/seldondeployments\/validate/),
    });
  });

  it('is refused with BODY_ON_GET_UNSUPPORTED through a custom fetch, which cannot be given such a request', async () => {
    let called = false;
    const seldon = createSeldonDeployClient({
      baseUrl: 'http://seldon.example',
      fetch: async () => {
        called = true;
        return Response.json({});
      },
    });
    await expect(
      validateSeldonDeployment(seldon, { namespace: 'prod', deployment: IRIS }),
    ).rejects.toMatchObject({
      code: 'BODY_ON_GET_UNSUPPORTED',
    });
    expect(called).toBe(false);
  });
});
