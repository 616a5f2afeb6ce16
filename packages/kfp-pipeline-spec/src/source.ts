import { readPath } from '#read-path';
import { InvalidPipelinePackageError } from './errors.js';
import { MAX_PIPELINE_PACKAGE_BYTES, tooLarge } from './limits.js';

/**
 * Where a pipeline package comes from: a file path (Node only), text with an optional file name,
 * a Blob or File, or an already-parsed pipeline spec object.
 */
export type PipelineSource = string | { text: string; name?: string | undefined } | Blob | object;

/** A source read into memory, before its format is known. */
export type RawPackage =
  | { kind: 'bytes'; bytes: Uint8Array; name: string | undefined; sourceName: string }
  | { kind: 'text'; text: string; name: string | undefined; sourceName: string }
  | { kind: 'object'; value: object; sourceName: string };

function isTextSource(source: object): source is { text: string; name?: string } {
  const keys = Object.keys(source);
  return (
    typeof (source as { text?: unknown }).text === 'string' &&
    keys.every((key) => key === 'text' || key === 'name') &&
    ((source as { name?: unknown }).name === undefined ||
      typeof (source as { name?: unknown }).name === 'string')
  );
}

/** Reads `source` into memory, refusing anything larger than {@link MAX_PIPELINE_PACKAGE_BYTES}. */
export async function readSource(source: PipelineSource, signal?: AbortSignal): Promise<RawPackage> {
  signal?.throwIfAborted();
  if (typeof source === 'string') return readPath(source, signal);
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const name = typeof (source as { name?: unknown }).name === 'string' ? (source as File).name : undefined;
    const sourceName = name || 'the given Blob';
    if (source.size > MAX_PIPELINE_PACKAGE_BYTES) throw tooLarge(sourceName, source.size);
    const bytes = new Uint8Array(await source.arrayBuffer());
    signal?.throwIfAborted();
    return { kind: 'bytes', bytes, name: name || undefined, sourceName };
  }
  if (source === null || typeof source !== 'object') {
    throw new InvalidPipelinePackageError(
      String(source),
      `expected a file path, { text, name? }, a Blob or File, or a parsed pipeline spec object; got ${source === null ? 'null' : typeof source}.`,
    );
  }
  if (isTextSource(source)) {
    const sourceName = source.name || 'the given text';
    if (source.text.length > MAX_PIPELINE_PACKAGE_BYTES) throw tooLarge(sourceName, source.text.length);
    return { kind: 'text', text: source.text, name: source.name || undefined, sourceName };
  }
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    throw new InvalidPipelinePackageError(
      'the given bytes',
      'raw bytes are not a source: wrap them in a Blob or File (new File([bytes], "pipeline.zip")) so the format is known.',
    );
  }
  return { kind: 'object', value: source, sourceName: 'the given object' };
}
