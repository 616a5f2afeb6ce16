import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from '../http-server.js';
import {
  createSeldonEmulator,
  SELDON_BASE_PATH,
  type SeldonEmulator,
  type SeldonEmulatorOptions,
} from './seldon-emulator.js';

export interface SeldonEmulatorServer {
  /** `http://127.0.0.1:<port>`; the API answers below it, with or without `/seldon-deploy/api/v1alpha1`. */
  readonly url: string;
  readonly emulator: SeldonEmulator;
  stop(): Promise<void>;
}

/**
 * Serves the Seldon emulator over HTTP on 127.0.0.1, so Prism (proxy mode)
 * can sit in front of it and hold its answers to the spec. Prism forwards
 * the spec's paths without the base path, so both forms are served.
 */
export async function startSeldonEmulatorServer(
  options: SeldonEmulatorOptions = {},
): Promise<SeldonEmulatorServer> {
  const emulator = createSeldonEmulator(options);
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const item of [value ?? []].flat()) headers.append(name, item);
    }
    const method = req.method ?? 'GET';
    const body =
      chunks.length > 0 && method !== 'GET' && method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
    const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, { method, headers, body });
    const { pathname } = new URL(request.url);
    const path = pathname.startsWith(SELDON_BASE_PATH) ? pathname.slice(SELDON_BASE_PATH.length) : pathname;
    try {
      const answer = await emulator.answer(request, path);
      res
        .writeHead(answer.status, Object.fromEntries(answer.headers))
        .end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  // Prism's proxy keeps its upstream connection alive and may take longer than Node's
  // default 5 s idle timeout to validate the next request on a busy machine; the server
  // closing that socket as Prism writes to it is a "socket hang up" (a 500 from Prism).
  server.keepAliveTimeout = 120_000;
  return { url: await listenOnLoopback(server), emulator, stop: () => closeServer(server) };
}
