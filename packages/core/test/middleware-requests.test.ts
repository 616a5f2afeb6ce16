/**
 * A middleware may return a new plain `Request` from onRequest (the Dex
 * plugin does, to set redirect: 'manual'): core's Request option (which lets
 * a GET carry a body) must not make openapi-fetch refuse it.
 */
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterEach, expect, it } from 'vitest';

let server: TestHttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

it('accepts a new plain Request returned by a middleware', async () => {
  const http = await startHttpServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ seen: request.headers['x-replaced'] ?? null }));
  });
  server = http;
  const kfp = createKfpV2Client({
    baseUrl: http.url,
    middleware: [
      {
        onRequest({ request }) {
          const headers = new Headers(request.headers);
          headers.set('x-replaced', 'yes');
          return new Request(request, { headers, redirect: 'manual' });
        },
      },
    ],
  });
  const { data, response } = await kfp.GET('/apis/v2beta1/healthz');
  expect(response.status).toBe(200);
  expect(data).toEqual({ seen: 'yes' });
});
