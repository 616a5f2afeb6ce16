import { lookup } from 'node:dns/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** A request as the emulator's handlers see it: body read, cookies parsed. */
export interface EmulatorRequest {
  readonly method: string;
  /** Absolute URL as the client addressed it (origin of the server that received it). */
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly cookies: ReadonlyMap<string, string>;
}

export type EmulatorHandler = (request: EmulatorRequest, response: ServerResponse) => void | Promise<void>;

/** One exchange seen by a server of the emulator, kept so tests can check what went where. */
export interface EmulatorExchange {
  /** Which server received it: the gateway (oauth2-proxy/authservice in front of the API) or Dex. */
  readonly server: 'gateway' | 'dex';
  readonly method: string;
  /** Path and query, as received. */
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly status: number;
}

export interface ListeningServer {
  /** `http(s)://<hostname>:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Host name used in the origin; the server binds to the address it resolves to. */
  hostname: string;
  tls?: { key: string | Buffer; cert: string | Buffer };
  onExchange: (exchange: Omit<EmulatorExchange, 'server'>) => void;
}

/** Starts a server on a free port of `hostname` that hands parsed requests to `handler`. */
export async function listen(handler: EmulatorHandler, options: ListenOptions): Promise<ListeningServer> {
  const scheme = options.tls ? 'https' : 'http';
  // Bind to the address the name resolves to, so `localhost` works whether it maps to 127.0.0.1 or ::1.
  const { address } = await lookup(options.hostname);
  let origin = '';
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    const request: EmulatorRequest = {
      method: req.method ?? 'GET',
      url: new URL(path, origin),
      headers: req.headers,
      body,
      cookies: parseCookieHeader(req.headers.cookie),
    };
    res.once('finish', () =>
      options.onExchange({
        method: request.method,
        path,
        headers: req.headers,
        body,
        status: res.statusCode,
      }),
    );
    try {
      await handler(request, res);
    } catch (error) {
      if (!res.headersSent) sendText(res, 500, `emulator error: ${String(error)}`);
      else res.end();
    }
  };
  const server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, serve)
    : createHttpServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `${scheme}://${options.hostname}:${port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The `Cookie` request header as a map; the first of duplicate names wins, as Go's `Request.Cookie` does. */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(index + 1).trim());
  }
  return cookies;
}

export function formOf(request: EmulatorRequest): URLSearchParams {
  // Go's Request.FormValue reads the query and an urlencoded body together; the body wins.
  const form = new URLSearchParams(request.url.search);
  if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(request.body)) form.set(name, value);
  }
  return form;
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  contentType = 'text/plain',
): void {
  response.writeHead(status, {
    'content-type': `${contentType}; charset=utf-8`,
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendHtml(
  response: ServerResponse,
  status: number,
  html: string,
  setCookies: string[] = [],
): void {
  if (setCookies.length > 0) response.setHeader('set-cookie', setCookies);
  sendText(response, status, html, 'text/html');
}

export function sendJsonBody(response: ServerResponse, status: number, body: unknown): void {
  sendText(response, status, JSON.stringify(body), 'application/json');
}

/**
 * A redirect the way Go's `http.Redirect` writes one: the Location as given
 * (relative or absolute) and, for GET, a tiny HTML body.
 */
export function redirect(
  response: ServerResponse,
  status: 302 | 303,
  location: string,
  setCookies: string[] = [],
): void {
  if (setCookies.length > 0) response.setHeader('set-cookie', setCookies);
  response.setHeader('location', location);
  sendText(
    response,
    status,
    `<a href="${escapeHtml(location)}">${status === 302 ? 'Found' : 'See Other'}</a>.\n`,
    'text/html',
  );
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&#34;')
    .replaceAll("'", '&#39;');
}
