// Archives holding one pipeline file, read the way the KFP API server reads an upload
// (backend/src/apiserver/server/util.go: DecompressPipelineZip, DecompressPipelineTarball):
// a file named exactly `pipeline.yaml` wins; otherwise the server takes the first file, which we
// only accept when it is the only one, since "first" depends on how the archive was made.
// The entry must be named *.yaml or *.yml, as the server requires.
import { Gunzip, unzipSync } from 'fflate';
import { unpackTar } from 'modern-tar';
import { InvalidPipelinePackageError } from './errors.js';
import { MAX_PIPELINE_PACKAGE_BYTES } from './limits.js';

export type ArchiveKind = 'zip' | 'tar.gz';

/** An archive's format from its first bytes, as the server decides (it ignores the file name). */
export function archiveKindOf(bytes: Uint8Array): ArchiveKind | undefined {
  if (bytes.length > 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'tar.gz';
  return undefined;
}

export interface ExtractedFile {
  /** The entry's path inside the archive. */
  name: string;
  bytes: Uint8Array;
}

const PIPELINE_FILE = 'pipeline.yaml';
const isYamlName = (name: string) => /\.ya?ml$/.test(name);
// `tar -C dir .` names entries `./pipeline.yaml`; the server compares the raw name and then falls
// back to the first entry (often `./` itself), which fails: we look through the prefix.
const withoutDotSlash = (name: string) => name.replace(/^(\.\/)+/, '');
// What macOS's Finder adds to every zip it makes (`__MACOSX/._pipeline.yaml`): metadata, not files.
const isMacMetadata = (name: string) => name.startsWith('__MACOSX/') || /(^|\/)\._[^/]*$/.test(name);

/** The one pipeline file of a zip or gzipped tar archive. */
export async function extractPipelineFile(
  bytes: Uint8Array,
  kind: ArchiveKind,
  sourceName: string,
): Promise<ExtractedFile> {
  const files = (kind === 'zip' ? unzipFiles(bytes, sourceName) : await untarFiles(bytes, sourceName)).filter(
    (file) => !isMacMetadata(file.name),
  );
  const label = kind === 'zip' ? 'zip archive' : 'tar.gz archive';
  if (files.length === 0) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `the ${label} holds no file: put the compiled pipeline (pipeline.yaml) in it.`,
    );
  }
  const chosen =
    files.find((file) => withoutDotSlash(file.name) === PIPELINE_FILE) ??
    (files.length === 1 ? files[0] : undefined);
  if (!chosen) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `the ${label} holds ${files.length} files (${files.map((file) => file.name).join(', ')}) and none is named ` +
        `${PIPELINE_FILE}: put one pipeline file in the archive, or name the pipeline ${PIPELINE_FILE}.`,
    );
  }
  if (!isYamlName(chosen.name)) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `the ${label} holds ${chosen.name}; the KFP server expects a pipeline.yaml (a *.yaml or *.yml file) inside.`,
    );
  }
  return chosen;
}

function unzipFiles(bytes: Uint8Array, sourceName: string): ExtractedFile[] {
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        total += file.originalSize;
        if (total > MAX_PIPELINE_PACKAGE_BYTES) throw new RangeError('decompressed size over the limit');
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    throw new InvalidPipelinePackageError(
      sourceName,
      error instanceof RangeError
        ? `the zip archive expands to more than ${MAX_PIPELINE_PACKAGE_BYTES} bytes (32 MiB, the KFP API server's limit).`
        : `it is not a valid zip archive (${(error as Error).message}).`,
      { cause: error },
    );
  }
  return Object.entries(entries).map(([name, data]) => ({ name, bytes: data }));
}

function gunzip(bytes: Uint8Array, sourceName: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const stream = new Gunzip((chunk, final) => {
    total += chunk.length;
    if (total > MAX_PIPELINE_PACKAGE_BYTES) {
      throw new InvalidPipelinePackageError(
        sourceName,
        `the tar.gz archive expands to more than ${MAX_PIPELINE_PACKAGE_BYTES} bytes (32 MiB, the KFP API server's limit).`,
      );
    }
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    // Small pushes, so the size limit stops a gzip bomb before it fills memory.
    const step = 64 * 1024;
    for (let offset = 0; offset < bytes.length; offset += step) {
      stream.push(bytes.subarray(offset, offset + step), offset + step >= bytes.length);
    }
  } catch (error) {
    if (error instanceof InvalidPipelinePackageError) throw error;
    throw new InvalidPipelinePackageError(
      sourceName,
      `it is not a valid gzip file (${(error as Error).message}).`,
      { cause: error },
    );
  }
  if (!ended) {
    throw new InvalidPipelinePackageError(sourceName, 'the gzip data is truncated: the file is incomplete.');
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function untarFiles(bytes: Uint8Array, sourceName: string): Promise<ExtractedFile[]> {
  const tar = gunzip(bytes, sourceName);
  try {
    // strict: a bad header checksum or magic is an error, not an empty listing.
    const entries = await unpackTar(tar, { strict: true, filter: (header) => header.type === 'file' });
    return entries.map((entry) => ({ name: entry.header.name, bytes: entry.data ?? new Uint8Array() }));
  } catch (error) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `the gzip data is not a valid tar archive (${(error as Error).message}).`,
      { cause: error },
    );
  }
}
