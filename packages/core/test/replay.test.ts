import { type Credential, CredentialCache, createCredentialAuth, staticCookieAuth } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Accepts only `Bearer token-2`, so the first attempt of every call is refused and replayed. */
async function refusingTheFirstToken() {
  server = await startHttpServer((request, response) =>
    request.headers.authorization === 'Bearer token-2'
      ? sendJson(response, 200, {})
      : sendJson(response, 401, { code: 16, message: 'expired token' }),
  );
  return server;
}

function rotatingTokenPlugin() {
  let issued = 0;
  const cache = new CredentialCache<Credential>({ acquire: async () => ({ value: `token-${++issued}` }) });
  return createCredentialAuth({
    name: 'rotating',
    cache,
    apply: (request, credential) => void request.headers.set('authorization', `Bearer ${credential.value}`),
  });
}

describe('a request replayed after a 401', () => {
  it('carries the headers of every plugin and of middleware added later with client.use', async () => {
    const { url, requests } = await refusingTheFirstToken();
    const kfp = createKfpV2Client({
      baseUrl: url,
      auth: [rotatingTokenPlugin(), staticCookieAuth('other_session=abcd1234')],
    });
    kfp.use({
      onRequest({ request }) {
        request.headers.set('x-trace-id', 'trace-42');
        return undefined;
      },
    });
    const { response } = await kfp.POST('/apis/v2beta1/experiments', { body: { display_name: 'e1' } });
    expect(response.status).toBe(200);
    expect(requests).toHaveLength(2);
    const [first, replay] = requests;
    expect(replay?.headers.authorization).toBe('Bearer token-2');
    for (const name of ['cookie', 'x-trace-id', 'content-type', 'user-agent']) {
      expect(replay?.headers[name], name).toBe(first?.headers[name]);
    }
    expect(replay?.headers.cookie).toBe('other_session=abcd1234');
    expect(replay?.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true);
  });

  it('survives a later middleware that replaces the Request', async () => {
    const { url, requests } = await refusingTheFirstToken();
    const kfp = createKfpV2Client({ baseUrl: url, auth: rotatingTokenPlugin() });
    kfp.use({
      onRequest({ request }) {
        const next = new Request(request);
        next.headers.set('x-replaced', 'yes');
        return next;
      },
    });
    const { response } = await kfp.POST('/apis/v2beta1/experiments', { body: { display_name: 'e2' } });
    expect(response.status).toBe(200);
    expect(requests.map((request) => request.headers['x-replaced'])).toEqual(['yes', 'yes']);
  });

  it('sends identical multipart bytes, boundary included', async () => {
    const { url, requests } = await refusingTheFirstToken();
    const kfp = createKfpV2Client({ baseUrl: url, auth: rotatingTokenPlugin() });
    const { response } = await kfp.POST('/apis/v2beta1/pipelines/upload', {
      params: { query: { name: 'p1' } },
      body: { uploadfile: new File(['pipelineInfo: {name: p1}\n'], 'p1.yaml') } as never,
    });
    expect(response.status).toBe(200);
    const [first, replay] = requests;
    expect(first?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(replay?.headers['content-type']).toBe(first?.headers['content-type']);
    expect(replay?.body.toString()).toBe(first?.body.toString());
    expect(replay?.body.toString()).toContain('pipelineInfo: {name: p1}');
  });

  it('sends identical bytes for a stream body', async () => {
    const { url, requests } = await refusingTheFirstToken();
    const kfp = createKfpV2Client({ baseUrl: url, auth: rotatingTokenPlugin() });
    kfp.use({
      onRequest({ request }) {
        const bytes = new TextEncoder().encode('{"display_name":"streamed"}');
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes.subarray(0, 10));
            controller.enqueue(bytes.subarray(10));
            controller.close();
          },
        });
        return new Request(request, { body: stream, duplex: 'half' } as RequestInit);
      },
    });
    const { response } = await kfp.POST('/apis/v2beta1/experiments', { body: { display_name: 'ignored' } });
    expect(response.status).toBe(200);
    expect(requests.map((request) => request.body.toString())).toEqual([
      '{"display_name":"streamed"}',
      '{"display_name":"streamed"}',
    ]);
  });
});

describe('a credential plugin on a plain openapi-fetch client', () => {
  it('replays a POST after a 401 with the same body and the new credential', async () => {
    const { url, requests } = await refusingTheFirstToken();
    const client = createClient<Record<string, never>>({ baseUrl: url });
    client.use(rotatingTokenPlugin());
    const { response } = await client.request(
      'post',
      '/anything' as never,
      {
        body: { display_name: 'plain' },
      } as never,
    );
    expect(response.status).toBe(200);
    expect(requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(requests.map((request) => request.body.toString())).toEqual([
      '{"display_name":"plain"}',
      '{"display_name":"plain"}',
    ]);
  });
});
