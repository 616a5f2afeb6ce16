// Reads a path source: Node only. Browsers (and other runtimes without node:fs) get
// read-path-unsupported.ts instead, chosen by the "#read-path" import condition in package.json,
// so bundlers never meet node:fs.
import { readFile, stat } from 'node:fs/promises';
import { InvalidPipelinePackageError } from './errors.js';
import { MAX_PIPELINE_PACKAGE_BYTES, tooLarge } from './limits.js';
import type { RawPackage } from './source.js';

export async function readPath(path: string, signal?: AbortSignal): Promise<RawPackage> {
  if (path.trim() === '') {
    throw new InvalidPipelinePackageError(
      '""',
      'the file path is empty: pass the path of a compiled pipeline file.',
    );
  }
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new InvalidPipelinePackageError(
        path,
        'it is not a regular file (a directory?): pass a pipeline file.',
      );
    }
    size = info.size;
  } catch (error) {
    if (error instanceof InvalidPipelinePackageError) throw error;
    const code = (error as { code?: string }).code;
    throw new InvalidPipelinePackageError(
      path,
      code === 'ENOENT'
        ? 'the file does not exist: check the path (relative paths are relative to the working directory).'
        : `the file cannot be read (${code ?? String(error)}).`,
      { cause: error },
    );
  }
  if (size > MAX_PIPELINE_PACKAGE_BYTES) throw tooLarge(path, size);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path, signal ? { signal } : {}));
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const code = (error as { code?: string }).code;
    throw new InvalidPipelinePackageError(path, `the file cannot be read (${code ?? String(error)}).`, {
      cause: error,
    });
  }
  return { kind: 'bytes', bytes, name: baseName(path), sourceName: path };
}

/** The last path segment, for both separators (a Windows path given on any runtime). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
