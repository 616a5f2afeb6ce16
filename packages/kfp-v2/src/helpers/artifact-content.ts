import { ApiError, DEFAULT_MAX_RESPONSE_BYTES, invalidOption } from '@ml-platform/core';
import { KfpError, namespaceFor } from '@ml-platform/kfp-common';
import type { KfpV2Client } from '../client.js';
import { RunInsightErrorCode } from './run-insight-errors.js';
import { isUiRouteMissing, uiServerMissing, uiServerOf } from './ui-server-access.js';

/** One file of a directory artifact. Read or cancel its body before taking the next. */
export interface DirectoryEntry {
  /** Its path inside the artifact, as the server names it (untrusted: check it before writing it anywhere). */
  path: string;
  size: number;
  body: ReadableStream<Uint8Array>;
}

/** An artifact's content: one file as a stream, or a directory's files one after another. */
export type ArtifactContent =
  | { kind: 'file'; body: ReadableStream<Uint8Array>; size?: number }
  | { kind: 'directory'; entries: AsyncIterable<DirectoryEntry> };

/** Options of {@link readArtifact}. */
export interface ReadArtifactOptions {
  /** The run's profile namespace (multi-user): default the artifact's own, then the client's. */
  namespace?: string;
  /** Fail with `RESPONSE_TOO_LARGE` once more than this many bytes have come. Default 64 MiB. */
  maxResponseBytes?: number;
  signal?: AbortSignal;
}

const SOURCES: Record<string, string> = { 'minio:': 'minio', 's3:': 's3', 'gs:': 'gcs' };

/**
 * An artifact's bytes as a stream, through the KFP UI server's
 * `GET /artifacts/get?source=&bucket=&key=` as the UI reads `minio://`,
 * `s3://` and `gs://` artifacts (frontend/src/lib/Apis.ts `readFile`,
 * frontend/server/handlers/artifacts.ts), signed by the client's auth. A
 * directory artifact (a prefix of several objects, which the UI server
 * answers as `<name>.tar.gz`) comes back as its files, read from that archive
 * as it streams: listed, never guessed.
 *
 * @throws {KfpError} `KFP_ARTIFACT_URI_UNSUPPORTED`, `KFP_ARTIFACT_NOT_FOUND`, `KFP_UI_SERVER_NOT_FOUND`.
 */
export async function readArtifact(
  client: KfpV2Client,
  artifact: { uri: string; namespace?: string },
  options: ReadArtifactOptions = {},
): Promise<ArtifactContent> {
  const { source, bucket, key } = parseArtifactUri(artifact.uri);
  const max = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(max) || max <= 0) {
    throw invalidOption(`maxResponseBytes must be a positive integer number of bytes, got ${String(max)}.`);
  }
  const ui = uiServerOf(client, max);
  const namespace = options.namespace ?? artifact.namespace ?? (await namespaceFor(client, undefined));
  const query = new URLSearchParams({ source, bucket, key });
  if (namespace) query.set('namespace', namespace);
  let response: Response;
  try {
    response = await ui.fetch(`${ui.baseUrl}/artifacts/get?${query}`, { signal: options.signal });
  } catch (error) {
    if (isUiRouteMissing(error)) throw uiServerMissing(ui.baseUrl, '/artifacts/get', error);
    if (error instanceof ApiError && error.status === 404) {
      throw new KfpError(
        RunInsightErrorCode.artifactNotFound,
        `The object store holds nothing at ${artifact.uri}.`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  const body = response.body ?? new ReadableStream<Uint8Array>();
  if (isDirectoryArchive(response, key)) return { kind: 'directory', entries: entriesOf(body) };
  const length = Number(response.headers.get('content-length'));
  return {
    kind: 'file',
    body,
    ...(Number.isFinite(length) && response.headers.has('content-length') ? { size: length } : {}),
  };
}

/** `minio://bucket/key`, `s3://bucket/key`, `gs://bucket/key` as the UI server's source, bucket and key. */
export function parseArtifactUri(uri: string): { source: string; bucket: string; key: string } {
  let url: URL | undefined;
  try {
    url = new URL(uri);
  } catch {
    url = undefined;
  }
  const source = url && SOURCES[url.protocol];
  const key = url ? decodeURIComponent(url.pathname.replace(/^\/+/, '')) : '';
  if (!url || !source || !url.hostname || !key) {
    throw new KfpError(
      RunInsightErrorCode.artifactUriUnsupported,
      `Cannot read artifact ${JSON.stringify(uri)}: the KFP UI server reads minio://, s3:// and gs:// URIs ` +
        '(<scheme>://<bucket>/<key>).',
    );
  }
  return { source, bucket: url.hostname, key };
}

/**
 * The UI server answers a prefix of several objects with a gzipped tar named
 * after the key (`streamDirectoryAsTarGz`); a single object comes as it is.
 */
function isDirectoryArchive(response: Response, key: string): boolean {
  const type = response.headers.get('content-type') ?? '';
  const disposition = response.headers.get('content-disposition') ?? '';
  const baseName = key.replace(/\/+$/, '').split('/').pop() ?? '';
  return (
    /application\/(x-)?gzip/.test(type) &&
    disposition.includes(`${baseName}.tar.gz`) &&
    !/\.(tar\.gz|tgz)$/.test(baseName)
  );
}

async function* entriesOf(body: ReadableStream<Uint8Array>): AsyncGenerator<DirectoryEntry> {
  // Loaded with the first directory: a client that never reads one does not carry a tar reader.
  const { createTarDecoder } = await import('modern-tar');
  const entries = body
    .pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
    .pipeThrough(createTarDecoder());
  const reader = entries.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.header.type !== 'file') {
        await value.body.cancel();
        continue;
      }
      yield { path: value.header.name, size: value.header.size, body: value.body };
    }
  } finally {
    reader.releaseLock();
  }
}
