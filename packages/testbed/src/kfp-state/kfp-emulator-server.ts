import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from '../http-server.js';
import { createKfpEmulator, type KfpEmulator, type KfpEmulatorOptions } from './kfp-emulator.js';

export interface KfpEmulatorServer {
  /** `http://127.0.0.1:<port>`: the API server's root (`/apis/v2beta1/...` below it). */
  readonly url: string;
  readonly emulator: KfpEmulator;
  stop(): Promise<void>;
}

/**
 * Serves the KFP emulator on its own, as the API server sits behind the
 * gateway: it trusts the `kubeflow-userid` header it is given. Useful to put
 * Prism (proxy mode) in front of it, or to test code that talks to the API
 * server inside the cluster.
 */
export async function startKfpEmulatorServer(options: KfpEmulatorOptions = {}): Promise<KfpEmulatorServer> {
  const emulator = createKfpEmulator(options);
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const item of [value ?? []].flat()) headers.append(name, item);
    }
    try {
      const answer = await emulator.handle({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers,
        body: Buffer.concat(chunks),
        identity: { via: 'in-cluster', user: headers.get('kubeflow-userid') ?? '', credentialId: '' },
      });
      if (!answer) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"code":5,"message":"Not Found","details":[]}');
        return;
      }
      res.writeHead(answer.status, answer.headers).end(answer.body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  return { url: await listenOnLoopback(server), emulator, stop: () => closeServer(server) };
}
