// A local stand-in for the three GitHub endpoints specs:update and specs:check
// use, on 127.0.0.1: the REST API (tags, tag refs, annotated tags, contents) and
// raw file downloads. Every request is recorded, so tests can check headers.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = {
  status?: number;
  json?: unknown;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
};

/** @param routesFor the routes, given the server's origin (for Link headers pointing back at it) */
export async function startFakeGitHub(routesFor: (origin: string) => Record<string, Route>) {
  let routes: Record<string, Route> = {};
  const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '';
    requests.push({ url, headers: request.headers });
    const route = routes[url];
    if (!route) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      return;
    }
    const body = route.json !== undefined ? JSON.stringify(route.json) : (route.body ?? '');
    response.writeHead(route.status ?? 200, route.headers).end(body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes = routesFor(origin);
  return {
    origin,
    apiUrl: `${origin}/api`,
    rawUrl: `${origin}/raw`,
    requests,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
