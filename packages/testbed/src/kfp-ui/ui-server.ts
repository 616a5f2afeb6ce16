/**
 * A stand-in for the KFP UI server (ml-pipeline-ui, frontend/server/app.ts)
 * for what clients other than the browser use it for: pod logs
 * (`/k8s/pod/logs`), artifacts (`/artifacts/get`, `/artifacts/:source/:bucket/*`)
 * and ML Metadata over gRPC-Web (`/ml_metadata.*`, proxied to the metadata
 * Envoy there, served here by connect-node). Like app.ts it registers each
 * route both at the root and below its base path (`/pipeline`). What it
 * serves comes from the KFP emulator's runs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { closeServer, listenOnLoopback } from '../http-server.js';
import type { KfpEmulator } from '../kfp-state/kfp-emulator.js';
import { type ArtifactStoreOptions, artifactsHandler } from './artifacts.js';
import { type MlmdCallLog, mlmdRoutes } from './mlmd-service.js';
import { type PodLogOptions, podLogsHandler } from './pod-logs.js';

export interface KfpUiServerOptions {
  /** The UI server's base path (its `BASE_PATH`); routes answer with and without it. Default `/pipeline`. */
  basePath?: string;
  /** Pad each `prepare-data` log with this many bytes (streaming tests). */
  logPadBytes?: PodLogOptions['padBytes'];
  /** Make every `dataset` artifact this many bytes (streaming tests). */
  datasetBytes?: ArtifactStoreOptions['datasetBytes'];
}

export interface KfpUiServer {
  /** `http://127.0.0.1:<port>`: the UI's origin. */
  readonly url: string;
  /** The ML Metadata calls answered so far, by method. */
  readonly mlmd: MlmdCallLog;
  stop(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1 and a free port. */
export async function startKfpUiServer(
  emulator: KfpEmulator,
  options: KfpUiServerOptions = {},
): Promise<KfpUiServer> {
  const basePath = options.basePath ?? '/pipeline';
  const mlmd = mlmdRoutes(emulator);
  const grpcWeb = connectNodeAdapter({ routes: mlmd.routes, grpcWeb: true, connect: false, grpc: false });
  const logs = podLogsHandler(emulator, { padBytes: options.logPadBytes });
  const artifacts = artifactsHandler(emulator, { datasetBytes: options.datasetBytes });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://ui.invalid');
    if (url.pathname.startsWith('/ml_metadata.')) return grpcWeb(req, res);
    const path = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : url.pathname;
    const local = new URL(`${path}${url.search}`, url);
    if (req.method === 'GET' && path === '/k8s/pod/logs') return logs(req, res, local);
    if (req.method === 'GET' && path.startsWith('/artifacts/')) return artifacts(req, res, local);
    res
      .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      .end(`Cannot ${req.method} ${url.pathname}`);
  });
  return { url: await listenOnLoopback(server), mlmd: mlmd.log, stop: () => closeServer(server) };
}
