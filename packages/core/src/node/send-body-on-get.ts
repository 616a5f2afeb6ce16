// Node-only: `#send-body-on-get` under the `node` condition. undici's fetch follows the
// Fetch standard and refuses a body on GET; its `request` API sends one.
import { Readable } from 'node:stream';
import { type Dispatcher, getGlobalDispatcher, request as undiciRequest } from 'undici';
import { BODY_ON_GET_HEADER, type BodyOnGetSender } from '../call/body-on-get.js';
import type { ConnectionSettings } from '../connection-fetch.js';
import { createDispatcher } from './undici-fetch.js';

/** A sender over one dispatcher: the transport's TLS and proxy settings, or undici's default. */
export function createBodyOnGetSender(settings: ConnectionSettings | undefined): BodyOnGetSender {
  const dispatcher = settings ? createDispatcher(settings) : undefined;
  return (request, method) => sendBodyOnGet(request, method, dispatcher);
}

/** Sends `request` (built as a POST, see body-on-get.ts) with its real method and its body. */
async function sendBodyOnGet(
  request: Request,
  method: string,
  dispatcher: Dispatcher | undefined,
): Promise<Response> {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) if (name !== BODY_ON_GET_HEADER) headers[name] = value;
  const answer = await undiciRequest(request.url, {
    method: method as Dispatcher.HttpMethod,
    headers,
    body: Buffer.from(await request.arrayBuffer()),
    signal: request.signal,
    dispatcher: dispatcher ?? getGlobalDispatcher(),
  });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    for (const one of Array.isArray(value) ? value : [value])
      if (one !== undefined) responseHeaders.append(name, one);
  }
  const nullBody = answer.statusCode === 204 || answer.statusCode === 304 || method === 'HEAD';
  if (nullBody) answer.body.resume();
  const response = new Response(nullBody ? null : (Readable.toWeb(answer.body) as ReadableStream), {
    status: answer.statusCode,
    headers: responseHeaders,
  });
  Object.defineProperty(response, 'url', { value: request.url });
  return response;
}
