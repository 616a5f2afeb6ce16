import { invalidOption } from '@ml-platform/core';
import { KfpError, KfpErrorCode } from './errors.js';

/**
 * A compiled pipeline to upload: a file on disk, YAML/JSON text, or a Blob
 * (a `File` keeps its name). KFP picks the format from the file name
 * (`.yaml`, `.yml`, `.json`) or from the content (zip, gzipped tarball).
 */
export type PipelinePackageSource =
  | { path: string | URL }
  | { text: string; fileName?: string | undefined }
  | Blob;

const KNOWN_EXTENSIONS = ['.yaml', '.yml', '.json', '.zip', '.tar.gz', '.tgz'];

/** Turns a package source into the `File` the upload endpoints take, named so KFP recognises its format. */
export async function toPipelineFile(source: PipelinePackageSource): Promise<File> {
  if (source instanceof Blob) {
    const name =
      source instanceof File && hasKnownExtension(source.name) ? source.name : await sniffedName(source);
    return source instanceof File && source.name === name
      ? source
      : new File([source], name, { type: source.type });
  }
  if (source && typeof source === 'object' && 'text' in source) {
    if (typeof source.text !== 'string')
      throw invalidOption('source.text must be the pipeline YAML or JSON as a string.');
    const blob = new Blob([source.text]);
    const name = source.fileName ?? (await sniffedName(blob));
    if (!hasKnownExtension(name)) {
      throw invalidOption(
        `source.fileName must end with ${KNOWN_EXTENSIONS.join(', ')} (KFP reads the format from it), got '${name}'.`,
      );
    }
    return new File([blob], name, { type: name.endsWith('.json') ? 'application/json' : 'application/yaml' });
  }
  if (source && typeof source === 'object' && 'path' in source) return readPackageFile(source.path);
  throw invalidOption('source must be { path }, { text } or a Blob/File holding a compiled pipeline.');
}

async function readPackageFile(path: string | URL): Promise<File> {
  const shown = String(path);
  const name = baseName(path);
  if (!hasKnownExtension(name)) {
    throw invalidOption(
      `source.path must name a compiled pipeline ending with ${KNOWN_EXTENSIONS.join(', ')}; got '${shown}'.`,
    );
  }
  // Loaded on use, so the package stays importable where there is no file system (browsers, edge runtimes).
  const { readFile } = await import('#runtime');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'read error';
    throw new KfpError(
      KfpErrorCode.packageUnreadable,
      `Could not read the pipeline package '${shown}' (${reason}). Check the path; relative paths are resolved from ${process.cwd()}.`,
      { cause: error },
    );
  }
  if (bytes.length === 0) {
    throw new KfpError(
      KfpErrorCode.packageUnreadable,
      `The pipeline package '${shown}' is empty. Compile the pipeline again.`,
    );
  }
  return new File([new Uint8Array(bytes)], name);
}

async function sniffedName(blob: Blob): Promise<string> {
  const head = new Uint8Array(await blob.slice(0, 512).arrayBuffer());
  if (head.length === 0) {
    throw new KfpError(
      KfpErrorCode.packageUnreadable,
      'The pipeline package is empty. Pass the compiled pipeline YAML/JSON.',
    );
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return 'pipeline.zip';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pipeline.tar.gz';
  const firstChar = new TextDecoder().decode(head).trimStart()[0];
  return firstChar === '{' ? 'pipeline.json' : 'pipeline.yaml';
}

function hasKnownExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function baseName(path: string | URL): string {
  const text = path instanceof URL ? decodeURIComponent(path.pathname) : path;
  return text.split(/[\\/]/).pop() ?? text;
}
