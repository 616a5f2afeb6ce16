// Archives holding one pipeline file, read the way the KFP API server reads an upload
// (backend/src/apiserver/server/util.go: DecompressPipelineZip, DecompressPipelineTarball):
// a file named exactly `pipeline.yaml` wins; otherwise the server takes the first file, which we
// only accept when it is the only one, since "first" depends on how the archive was made.
// The entry must be named *.yaml or *.yml, as the server requires.
import { Gunzip, Unzip, UnzipInflate, unzipSync } from 'fflate';
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
/** More entries than any pipeline archive holds; a zip of 65,535 overlapping entries is refused at once. */
export const MAX_ARCHIVE_ENTRIES = 1000;
const LISTED_NAMES = 10;
// Input pushed per step. Deflate expands at most ~1032:1, so one step inflates at most ~16 MiB
// before the count is checked.
const STEP = 16 * 1024;

/** At most ten names, then "and N more": a message stays readable whatever the archive holds. */
export function listNames(names: string[]): string {
  const shown = names.slice(0, LISTED_NAMES).join(', ');
  return names.length > LISTED_NAMES ? `${shown}, and ${names.length - LISTED_NAMES} more` : shown;
}
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
      `the ${label} holds ${files.length} files (${listNames(files.map((file) => file.name))}) and none is named ` +
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

const expandsTooFar = (label: string) =>
  `the ${label} expands to more than ${MAX_PIPELINE_PACKAGE_BYTES} bytes (32 MiB, the KFP API server's limit).`;

class InflatedTooFar extends Error {}

// The sizes an entry declares are not what inflating it costs: fflate's unzipSync inflates each
// entry to its end whatever it declared, and 65,535 entries can share one compressed stream. So
// the central directory is read first without inflating anything (its entry count is bounded),
// then the entries are inflated as a stream, counting the bytes actually produced across all of
// them and stopping at the cap.
function unzipFiles(bytes: Uint8Array, sourceName: string): ExtractedFile[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        names.push(file.name);
        return false;
      },
    });
  } catch (error) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `it is not a valid zip archive (${(error as Error).message}).`,
      {
        cause: error,
      },
    );
  }
  if (names.length > MAX_ARCHIVE_ENTRIES) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `the zip archive holds ${names.length} entries (${listNames(names)}); a pipeline archive holds one ` +
        `pipeline.yaml, and more than ${MAX_ARCHIVE_ENTRIES} entries are refused.`,
    );
  }
  const files: Array<{ name: string; chunks: Uint8Array[] }> = [];
  let inflated = 0;
  const unzip = new Unzip((file) => {
    if (file.name.endsWith('/')) return;
    const entry = { name: file.name, chunks: [] as Uint8Array[] };
    files.push(entry);
    file.ondata = (error, chunk) => {
      if (error) throw error;
      inflated += chunk.length;
      if (inflated > MAX_PIPELINE_PACKAGE_BYTES) throw new InflatedTooFar();
      entry.chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length; offset += STEP) {
      unzip.push(bytes.subarray(offset, offset + STEP), offset + STEP >= bytes.length);
    }
  } catch (error) {
    throw new InvalidPipelinePackageError(
      sourceName,
      error instanceof InflatedTooFar
        ? expandsTooFar('zip archive')
        : `it is not a valid zip archive (${(error as Error).message}).`,
      { cause: error },
    );
  }
  return files.map(({ name, chunks }) => ({ name, bytes: concat(chunks) }));
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function gunzip(bytes: Uint8Array, sourceName: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const stream = new Gunzip((chunk, final) => {
    total += chunk.length;
    if (total > MAX_PIPELINE_PACKAGE_BYTES) {
      throw new InvalidPipelinePackageError(sourceName, expandsTooFar('tar.gz archive'));
    }
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    // Small pushes, so the size limit stops a gzip bomb before it fills memory.
    for (let offset = 0; offset < bytes.length; offset += STEP) {
      stream.push(bytes.subarray(offset, offset + STEP), offset + STEP >= bytes.length);
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
  return concat(chunks);
}

async function untarFiles(bytes: Uint8Array, sourceName: string): Promise<ExtractedFile[]> {
  const tar = gunzip(bytes, sourceName);
  try {
    // strict: a bad header checksum or magic is an error, not an empty listing.
    const names: string[] = [];
    const entries = await unpackTar(tar, {
      strict: true,
      filter: (header) => {
        names.push(header.name);
        return header.type === 'file' && names.length <= MAX_ARCHIVE_ENTRIES;
      },
    });
    if (names.length > MAX_ARCHIVE_ENTRIES) {
      throw new InvalidPipelinePackageError(
        sourceName,
        `the tar.gz archive holds ${names.length} entries (${listNames(names)}); a pipeline archive holds one ` +
          `pipeline.yaml, and more than ${MAX_ARCHIVE_ENTRIES} entries are refused.`,
      );
    }
    return entries.map((entry) => ({ name: entry.header.name, bytes: entry.data ?? new Uint8Array() }));
  } catch (error) {
    if (error instanceof InvalidPipelinePackageError) throw error;
    throw new InvalidPipelinePackageError(
      sourceName,
      `the gzip data is not a valid tar archive (${(error as Error).message}).`,
      { cause: error },
    );
  }
}
