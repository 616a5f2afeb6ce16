/**
 * The KFP UI server's artifact routes (frontend/server/handlers/artifacts.ts,
 * registered in app.ts): `GET /artifacts/get?source=&bucket=&key=[&peek=][&namespace=]`
 * (which also unpacks a single-file tarball, v1 style) and
 * `GET /artifacts/:source/:bucket/*` (the object as is).
 *
 * Behind `getArtifactsAuthMiddleware` in multi-user mode: no
 * `kubeflow-userid` is 401, no `namespace` 400, a malformed one 400, a
 * namespace the user may not view 403, and an artifact whose run belongs to
 * another namespace than the one claimed 403 (the IDOR check against ML
 * Metadata). Then `getArtifactsHandler`: a missing source, bucket or key is
 * 500 with its message, a key over 1024 characters 500; `peek=N` answers
 * the first N bytes; a key that is a prefix of several objects (a v2
 * directory artifact) answers `application/gzip` with
 * `Content-Disposition: attachment; filename="<name>.tar.gz"` (or, with
 * `peek`, a one-line summary); nothing at all is 404 `No objects found at <bucket>/<key>`.
 * minio, s3 and gcs sources read the same test bed store.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { packTar } from 'modern-tar';
import type { KfpEmulator, RunWorkflow } from '../kfp-state/kfp-emulator.js';
import { ARTIFACT_BUCKET, objectsOf, type StoredObject } from './artifact-contents.js';
import { outputUri } from './mlmd-records.js';

export interface ArtifactStoreOptions {
  /** Make every `dataset` artifact this many bytes of CSV rows, streamed (to test streaming). */
  datasetBytes?: number;
}

/** Kubernetes resource-name shape, as `isAllowedResourceName` checks it (frontend/server/utils.ts). */
const RESOURCE_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

interface Located {
  workflow: RunWorkflow;
  objects: StoredObject[];
  /** Whether the key names a prefix of several objects rather than one object. */
  directory: boolean;
}

export function artifactsHandler(emulator: KfpEmulator, options: ArtifactStoreOptions = {}) {
  const locate = (bucket: string, key: string): Located | undefined => {
    if (bucket !== ARTIFACT_BUCKET) return undefined;
    const trimmed = key.replace(/\/+$/, '');
    for (const runId of emulator.runIds()) {
      const workflow = emulator.workflowOf(runId);
      if (!workflow) continue;
      for (const task of workflow.tasks) {
        if (task.state !== 'SUCCEEDED') continue;
        for (const output of task.task.outputs) {
          const uri = outputUri(workflow, task, output.name);
          const outputKey = uri.slice(`minio://${ARTIFACT_BUCKET}/`.length);
          const objects = objectsOf(output.kind, outputKey);
          const single = objects.length === 1 && objects[0]?.relativeKey === '';
          if (trimmed === outputKey) {
            if (output.name === 'dataset' && options.datasetBytes !== undefined) {
              return { workflow, objects: [], directory: false };
            }
            return { workflow, objects, directory: !single };
          }
          if (!single) {
            const inside = objects.filter((object) => `${outputKey}/${object.relativeKey}` === trimmed);
            if (inside.length)
              return { workflow, objects: inside.map((o) => ({ ...o, relativeKey: '' })), directory: false };
          }
        }
      }
    }
    return undefined;
  };

  return (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const text = (status: number, body: string) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    const byParameter = url.pathname !== '/artifacts/get';
    let source: string | undefined;
    let bucket: string | undefined;
    let key: string | undefined;
    if (byParameter) {
      const match = /^\/artifacts\/([^/]+)\/([^/]+)\/(.+)$/.exec(url.pathname);
      [source, bucket, key] = match ? match.slice(1).map((part) => decodeURIComponent(part)) : [];
    } else {
      source = url.searchParams.get('source') ?? undefined;
      bucket = url.searchParams.get('bucket') ?? undefined;
      key = url.searchParams.get('key') ?? undefined;
    }
    const namespace = url.searchParams.get('namespace') ?? undefined;
    if (emulator.multiUser) {
      const user = req.headers['kubeflow-userid'] as string | undefined;
      if (!user) return void text(401, 'Authentication required for artifact access');
      if (!namespace) return void text(400, 'Namespace parameter is required when authentication is enabled');
      if (!RESOURCE_NAME.test(namespace)) return void text(400, 'Invalid namespace format');
      if (!emulator.mayView(user, namespace)) {
        return void text(403, `User '${user}' is not authorized to view namespace ${namespace}`);
      }
    }
    if (!source) return void text(500, 'Storage source is missing from artifact request');
    if (!bucket) return void text(500, 'Storage bucket is missing from artifact request');
    if (!RESOURCE_NAME.test(bucket)) return void text(500, 'Invalid bucket name');
    if (!key) return void text(500, 'Storage key is missing from artifact request');
    if (key.length > 1024) return void text(500, 'Object key too long');

    const found = locate(bucket, key);
    if (!found) return void text(404, `No objects found at ${bucket}/${key}`);
    if (emulator.multiUser && found.workflow.namespace !== namespace) {
      return void text(403, 'Artifact does not belong to the requested namespace');
    }
    const peek = Number(url.searchParams.get('peek') ?? 0) || 0;
    if (found.directory) {
      const baseName = key.replace(/\/+$/, '').split('/').pop() || 'artifact';
      if (peek > 0) {
        return void text(
          200,
          `Directory artifact "${baseName}" — ${found.objects.length} file(s). Download to view contents.\n`,
        );
      }
      void packTar(
        found.objects.map((object) => {
          const data = object.bytes();
          return {
            header: { name: object.relativeKey, size: data.byteLength, type: 'file' as const },
            body: data,
          };
        }),
      ).then((tar) => {
        res
          .writeHead(200, {
            'content-type': 'application/gzip',
            'content-disposition': `attachment; filename="${baseName}.tar.gz"`,
          })
          .end(gzipSync(tar));
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    if (found.objects.length === 0) {
      writeRows(res, options.datasetBytes ?? 0, peek);
      return;
    }
    const bytes = found.objects[0]?.bytes() ?? new Uint8Array();
    res.end(peek > 0 ? bytes.subarray(0, peek) : bytes);
  };
}

/** Streams `bytes` of CSV rows (or the first `peek`), honouring backpressure. */
function writeRows(res: ServerResponse, bytes: number, peek: number): void {
  const total = peek > 0 ? Math.min(peek, bytes) : bytes;
  let written = 0;
  let row = 0;
  const pump = () => {
    while (written < total) {
      let chunk = '';
      while (chunk.length < 64 * 1024) chunk += `${row++},${(row % 97) / 97},${row % 2}\n`;
      const part = chunk.slice(0, total - written);
      written += part.length;
      if (!res.write(part)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}
