// createClientFetch: a standard fetch through an existing client, against a real server on
// 127.0.0.1: what it signs, where it refuses to go, how it bounds and reports answers.
import {
  ApiError,
  ClientFetchErrorCode,
  createApiClient,
  createClientFetch,
  staticTokenAuth,
} from '@ml-platform/core';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, describe, expect, it } from 'vitest';

const TOKEN = 'client-fetch-secret-token';
let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function clientFor(baseUrl: string) {
  return createApiClient<Record<string, never>>(
    { baseUrl, auth: staticTokenAuth(TOKEN) },
    { baseUrlExample: 'https://example.com', userAgent: 'client-fetch-test' },
  );
}

describe('createClientFetch', () => {
  it("sends a request as given (method, body, headers, query) signed by the client's auth, streaming the answer", async () => {
    server = await startHttpServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(request.body);
    });
    const fetch = createClientFetch(clientFor(`${server.url}/api`), { baseUrl: server.url });
    const response = await fetch(`${server.url}/rpc/Method?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/grpc-web+proto' },
      body: new Uint8Array([0, 1, 2, 3]),
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 3]));
    const [seen] = server.requests;
    expect(seen).toMatchObject({ method: 'POST', url: '/rpc/Method?x=1' });
    expect(seen?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/grpc-web+proto',
      'user-agent': 'client-fetch-test',
    });
  });

  it('refuses a URL outside its baseUrl before sending anything', async () => {
    server = await startHttpServer((_, response) => {
      response.end('{}');
    });
    const fetch = createClientFetch(clientFor(server.url), { baseUrl: `${server.url}/ui` });
    await expect(fetch(`${server.url}/uix/steal`)).rejects.toMatchObject({
      code: ClientFetchErrorCode.outsideBaseUrl,
    });
    await expect(fetch('https://elsewhere.example.com/ui/x')).rejects.toMatchObject({
      code: ClientFetchErrorCode.outsideBaseUrl,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('turns a non-2xx answer into an ApiError that holds no credential', async () => {
    server = await startHttpServer((_, response) => {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"code":5,"message":"Not Found"}');
    });
    const fetch = createClientFetch(clientFor(server.url), { baseUrl: server.url });
    const error = await fetch(`${server.url}/k8s/pod/logs`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404 });
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain(TOKEN);
  });

  it('stops reading once more than maxResponseBytes have come', async () => {
    server = await startHttpServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(Buffer.alloc(100_000));
    });
    const fetch = createClientFetch(clientFor(server.url), { baseUrl: server.url, maxResponseBytes: 1_000 });
    await expect(fetch(`${server.url}/big`).then((response) => response.arrayBuffer())).rejects.toMatchObject(
      {
        code: 'RESPONSE_TOO_LARGE',
      },
    );
  });
});
