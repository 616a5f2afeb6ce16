import { createKfpV1Client } from '@ml-platform/kfp-v1';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const PIPELINE_YAML = 'pipelineInfo:\n  name: hello\n';

describe('pipeline uploads are multipart/form-data by default', () => {
  it('v2beta1 upload sends the file part named uploadfile and the query parameters', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 200, { pipeline_id: 'p1' }));
    const kfp = createKfpV2Client({ baseUrl: server.url });
    await kfp.POST('/apis/v2beta1/pipelines/upload', {
      params: { query: { name: 'hello', namespace: 'team-a' } },
      body: { uploadfile: new File([PIPELINE_YAML], 'hello.yaml', { type: 'application/x-yaml' }) },
    });
    const [request] = server.requests;
    expect(request?.url).toBe('/apis/v2beta1/pipelines/upload?name=hello&namespace=team-a');
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const body = request?.body.toString('utf8') ?? '';
    expect(body).toContain('Content-Disposition: form-data; name="uploadfile"; filename="hello.yaml"');
    expect(body).toContain(PIPELINE_YAML);
  });

  it('v1beta1 upload_version sends a bare Blob with a file name servers accept', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 200, { id: 'v1' }));
    const kfp = createKfpV1Client({ baseUrl: server.url });
    await kfp.POST('/apis/v1beta1/pipelines/upload_version', {
      params: { query: { name: 'v2', pipelineid: 'p1' } },
      body: { uploadfile: new Blob([PIPELINE_YAML]) },
    });
    const body = server.requests[0]?.body.toString('utf8') ?? '';
    expect(server.requests[0]?.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(body).toContain('name="uploadfile"; filename="uploadfile"');
  });

  it('other bodies stay JSON', async () => {
    server = await startHttpServer((_, response) => sendJson(response, 200, {}));
    const kfp = createKfpV2Client({ baseUrl: server.url });
    await kfp.POST('/apis/v2beta1/experiments', { body: { display_name: 'e' } });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(server.requests[0]?.body.toString()).toBe('{"display_name":"e"}');
  });
});
