import { archiveKindOf, extractPipelineFile } from './archive.js';
import { decodeText, parseDocuments } from './documents.js';
import { InvalidPipelinePackageError, type PackageLocation } from './errors.js';
import type { PipelineSpec, PlatformSpec } from './generated/pipeline_spec_pb.js';
import { type PipelineParameterInput, rootParameters } from './parameters.js';
import { type PipelineSource, type RawPackage, readSource } from './source.js';
import { parsePipelineSpec, parsePlatformSpec, pipelineSpecToJson, platformSpecToJson } from './spec.js';

/** A pipeline package, validated as the KFP API server validates it. */
export interface LoadedPipelinePackage {
  /** The protojson (camelCase JSON) of the validated PipelineSpec: what to send as `pipeline_spec`. */
  pipelineSpec: Record<string, unknown>;
  /** The platform spec (Kubernetes settings), when the package has one, as protojson. */
  platformSpec?: Record<string, unknown> | undefined;
  /** `pipelineInfo.name`. */
  pipelineName: string;
  /** The declared run-time inputs, `root.inputDefinitions.parameters`. */
  parameters: PipelineParameterInput[];
  /** The file path or name the package came from (or `the given text`, ...), for messages. */
  sourceName: string;
  /** The same PipelineSpec as a typed protobuf-es message, for reading it with types. */
  spec: PipelineSpec;
  /** The platform spec as a typed protobuf-es message, when there is one. */
  platform?: PlatformSpec | undefined;
}

/** The options of `loadPipelinePackage`. */
export interface LoadPipelinePackageOptions {
  /** Cancels reading a file; the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

type TextFormat = 'yaml' | 'json' | 'json-or-yaml';

const ARCHIVE_NAME = /\.(zip|tar\.gz|tgz|gz|tar)$/i;

/** The format a file name promises: YAML by extension as the server decides, JSON as well. */
function formatFromName(name: string, sourceName: string): TextFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  if (ARCHIVE_NAME.test(lower)) {
    throw new InvalidPipelinePackageError(
      sourceName,
      lower.endsWith('.tar')
        ? 'an uncompressed .tar is not accepted by the KFP server: gzip it (.tar.gz / .tgz) or use .zip.'
        : `its name says it is an archive, but it is not a zip or gzip file (it does not start with their signature).`,
    );
  }
  if (!lower.includes('.')) return undefined;
  throw new InvalidPipelinePackageError(
    sourceName,
    `unexpected pipeline file format "${lower.slice(lower.lastIndexOf('.'))}": the KFP server accepts YAML (.yaml, .yml), ` +
      '.zip and .tar.gz/.tgz; JSON (.json) is accepted here too.',
  );
}

// A text without a (known) name: kfp writes YAML, or JSON when asked to.
const sniffFormat = (text: string): TextFormat =>
  text.trimStart().startsWith('{') ? 'json-or-yaml' : 'yaml';

/** `_PipelineDoc.to_dict()`'s shape: `{ pipeline_spec, platform_spec? }`. */
function isPipelineDocDict(value: object): value is { pipeline_spec: unknown; platform_spec?: unknown } {
  const keys = Object.keys(value);
  return (
    keys.includes('pipeline_spec') && keys.every((key) => key === 'pipeline_spec' || key === 'platform_spec')
  );
}

async function documentsOf(raw: RawPackage): Promise<{ documents: unknown[]; where: PackageLocation }> {
  const { sourceName } = raw;
  if (raw.kind === 'object') {
    const value = raw.value;
    if (isPipelineDocDict(value)) {
      return {
        documents: [value.pipeline_spec, value.platform_spec].filter((d) => d != null),
        where: sourceName,
      };
    }
    return { documents: [value], where: sourceName };
  }
  if (raw.kind === 'text') {
    const format = (raw.name && formatFromName(raw.name, sourceName)) || sniffFormat(raw.text);
    return { documents: parseDocuments(raw.text, sourceName, format), where: sourceName };
  }
  const archive = archiveKindOf(raw.bytes);
  if (archive) {
    const file = await extractPipelineFile(raw.bytes, archive, sourceName);
    const where = { sourceName, entry: file.name };
    return { documents: parseDocuments(decodeText(file.bytes, where), where, 'yaml'), where };
  }
  const format = raw.name ? formatFromName(raw.name, sourceName) : undefined;
  const text = decodeText(raw.bytes, sourceName);
  return { documents: parseDocuments(text, sourceName, format ?? sniffFormat(text)), where: sourceName };
}

/** The documents of a package as read, before any PipelineSpec validation. */
export interface PackageDocuments {
  /** The non-empty YAML (or JSON) documents, in order. */
  documents: unknown[];
  /** The file path or name the package came from (or `the given text`, ...), for messages. */
  sourceName: string;
  /** The file inside an archive the documents came from, for an archive. */
  entry?: string | undefined;
}

/**
 * Reads a package's documents with the loader's rules (size limit, zip / tar.gz archives, UTF-8,
 * YAML read as PyYAML reads it with bounded aliases, JSON) but does not validate them as a KFP v2
 * PipelineSpec: for packages of another kind, such as KFP v1's compiled Argo Workflows. Rejects
 * with an {@link InvalidPipelinePackageError} as {@link loadPipelinePackage} does.
 */
export async function readPackageDocuments(
  source: PipelineSource,
  options: LoadPipelinePackageOptions = {},
): Promise<PackageDocuments> {
  const raw = await readSource(source, options.signal);
  const { documents, where } = await documentsOf(raw);
  options.signal?.throwIfAborted();
  return {
    documents,
    sourceName: raw.sourceName,
    ...(typeof where === 'string' ? {} : { entry: where.entry }),
  };
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

// The server picks, among the YAML documents, the one that is a pipeline spec and the one that is a
// platform spec, refusing two of either (NewV2SpecTemplate). A document with `platforms` and no
// `pipelineInfo` is taken for a platform spec; other documents must be the pipeline spec.
function splitDocuments(documents: unknown[], where: PackageLocation) {
  const platformDocuments = documents.filter(
    (d) => isMapping(d) && 'platforms' in d && !('pipelineInfo' in d),
  );
  const specDocuments = documents.filter((d) => !platformDocuments.includes(d));
  if (specDocuments.length === 0) {
    throw new InvalidPipelinePackageError(where, 'it holds a platform spec but no pipeline spec.');
  }
  if (specDocuments.length > 1) {
    throw new InvalidPipelinePackageError(
      where,
      `it holds ${specDocuments.length} YAML documents that are not platform specs; a package has one pipeline spec ` +
        '(and optionally one platform spec after it).',
    );
  }
  if (platformDocuments.length > 1) {
    throw new InvalidPipelinePackageError(
      where,
      'it holds more than one platform spec; a package has at most one.',
    );
  }
  return { specDocument: specDocuments[0], platformDocument: platformDocuments[0] as object | undefined };
}

/**
 * Reads a compiled KFP v2 pipeline (YAML, JSON, a .zip / .tar.gz / .tgz holding one, or an
 * already-parsed object) and validates it as the KFP API server does. Never changes the caller's
 * file or object. Rejects with an {@link InvalidPipelinePackageError}
 * (`KFP_INVALID_PIPELINE_PACKAGE`) naming the source and what is wrong.
 */
export async function loadPipelinePackage(
  source: PipelineSource,
  options: LoadPipelinePackageOptions = {},
): Promise<LoadedPipelinePackage> {
  const raw = await readSource(source, options.signal);
  const { documents, where } = await documentsOf(raw);
  options.signal?.throwIfAborted();
  const { specDocument, platformDocument } = splitDocuments(documents, where);
  const spec = parsePipelineSpec(specDocument, where);
  const platform = platformDocument ? parsePlatformSpec(platformDocument, where) : undefined;
  return {
    pipelineSpec: pipelineSpecToJson(spec),
    ...(platform ? { platformSpec: platformSpecToJson(platform), platform } : {}),
    pipelineName: spec.pipelineInfo?.name ?? '',
    parameters: rootParameters(spec, where),
    sourceName: raw.sourceName,
    spec,
  };
}
