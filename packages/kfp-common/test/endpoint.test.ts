// Where a KFP client goes when no baseUrl is given: resolveKfpEndpoint, as kfp.Client finds `host`.
import { createKfpV1Client } from '@ml-platform/kfp-v1';
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

describe('the KFP endpoint when baseUrl is omitted', () => {
  it('for KFP, comes from KF_PIPELINES_ENDPOINT when omitted', async () => {
    server = await healthy();
    vi.stubEnv('KF_PIPELINES_ENDPOINT', `${server.url}/from-env`);
    await createKfpV1Client().GET('/apis/v1beta1/healthz');
    expect(server.requests[0]?.url).toBe('/from-env/apis/v1beta1/healthz');
  });

  it("for KFP in a pod, comes from the ml-pipeline-ui service's injected host and port", async () => {
    server = await healthy();
    const port = new URL(server.url).port;
    vi.stubEnv('KF_PIPELINES_ENDPOINT', '');
    vi.stubEnv('ML_PIPELINE_UI_SERVICE_HOST', '127.0.0.1');
    vi.stubEnv('ML_PIPELINE_UI_SERVICE_PORT', port);
    await createKfpV2Client().GET('/apis/v2beta1/healthz');
    expect(server.requests).toHaveLength(1);
  });

  it('for KFP with nothing set, fails with CONFIG_NO_BASE_URL naming what to set', () => {
    vi.stubEnv('KF_PIPELINES_ENDPOINT', '');
    vi.stubEnv('ML_PIPELINE_UI_SERVICE_HOST', '');
    vi.stubEnv('KUBERNETES_SERVICE_HOST', '');
    // No kubeconfig either, whatever this machine's ~/.kube/config holds (see zero-config-kubeconfig.test.ts).
    vi.stubEnv('KUBECONFIG', '/nonexistent/kubeconfig');
    expect(() => createKfpV2Client()).toThrow(expect.objectContaining({ code: 'CONFIG_NO_BASE_URL' }));
    expect(() => createKfpV2Client()).toThrow(/KF_PIPELINES_ENDPOINT/);
  });

  it('for KFP in any other pod, is the ml-pipeline-ui cluster DNS name', async () => {
    vi.stubEnv('KF_PIPELINES_ENDPOINT', '');
    vi.stubEnv('ML_PIPELINE_UI_SERVICE_HOST', '');
    vi.stubEnv('KUBERNETES_SERVICE_HOST', '10.0.0.1');
    const seen: string[] = [];
    const kfp = createKfpV2Client({
      fetch: async (request) => {
        seen.push(request.url);
        return Response.json({});
      },
    });
    await kfp.GET('/apis/v2beta1/healthz');
    expect(seen).toEqual(['http://ml-pipeline-ui.kubeflow.svc.cluster.local/apis/v2beta1/healthz']);
  });
});
