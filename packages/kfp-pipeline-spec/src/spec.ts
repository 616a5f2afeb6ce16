// Validation as the KFP API server does it (backend/src/apiserver/template/v2_template.go,
// NewV2SpecTemplate): protojson-parse the document as a PipelineSpec (unknown fields and wrong
// types are errors), then require schemaVersion 2.1.0, a pipelineInfo.name and a root component.
// protobuf-es's fromJson follows the same proto3 JSON mapping as Go's protojson.
import { fromJson, type JsonValue, toJson } from '@bufbuild/protobuf';
import { InvalidPipelinePackageError, type PackageLocation } from './errors.js';
import {
  type PipelineSpec,
  PipelineSpecSchema,
  type PlatformSpec,
  PlatformSpecSchema,
} from './generated/pipeline_spec_pb.js';

/** The only schema version the KFP 2.x API server accepts (SCHEMA_VERSION_2_1_0). */
export const SUPPORTED_SCHEMA_VERSION = '2.1.0';

// The server's pattern, unanchored as it is there (regexp.MatchString).
const SERVER_NAME_PATTERN = /[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/;

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

function asJsonValue(document: unknown, sourceName: PackageLocation, what: string): JsonValue {
  try {
    // A round trip through JSON text is what the server does (json.Marshal of the YAML map), and it
    // also makes sure nothing the caller owns is shared with, or changed by, the parsed message.
    return JSON.parse(JSON.stringify(document)) as JsonValue;
  } catch (error) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `the ${what} cannot be converted to JSON (${(error as Error).message}).`,
      {
        cause: error,
      },
    );
  }
}

export function parsePipelineSpec(document: unknown, sourceName: PackageLocation): PipelineSpec {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `its first document is ${describeJsonType(document)}, not a pipeline spec (a mapping with pipelineInfo, root, ...).`,
    );
  }
  let spec: PipelineSpec;
  try {
    spec = fromJson(PipelineSpecSchema, asJsonValue(document, sourceName, 'pipeline spec'));
  } catch (error) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `it is not a valid PipelineSpec: ${(error as Error).message}. Is it a KFP v2 compiled pipeline (kfp 2.x)?`,
      { cause: error },
    );
  }
  if (spec.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `schemaVersion is ${spec.schemaVersion ? `"${spec.schemaVersion}"` : 'missing'}; the KFP server only accepts ` +
        `${SUPPORTED_SCHEMA_VERSION}: compile the pipeline with kfp 2.x.`,
    );
  }
  const name = spec.pipelineInfo?.name ?? '';
  if (name === '') {
    throw new InvalidPipelinePackageError(
      sourceName,
      'pipelineInfo.name is empty or missing: the server requires it.',
    );
  }
  if (!SERVER_NAME_PATTERN.test(name)) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `pipelineInfo.name "${name}" must contain lower case alphanumeric characters, '-' or '.'.`,
    );
  }
  if (!spec.root) {
    throw new InvalidPipelinePackageError(
      sourceName,
      'it has no root component (root): the server requires one.',
    );
  }
  return spec;
}

export function parsePlatformSpec(document: object, sourceName: PackageLocation): PlatformSpec {
  try {
    return fromJson(PlatformSpecSchema, asJsonValue(document, sourceName, 'platform spec'));
  } catch (error) {
    throw new InvalidPipelinePackageError(
      sourceName,
      `its platform spec is not valid: ${(error as Error).message}.`,
      {
        cause: error,
      },
    );
  }
}

/** The protojson (camelCase JSON) form the server accepts, as Go's protojson.Marshal writes it. */
export const pipelineSpecToJson = (spec: PipelineSpec) =>
  toJson(PipelineSpecSchema, spec) as Record<string, unknown>;
export const platformSpecToJson = (spec: PlatformSpec) =>
  toJson(PlatformSpecSchema, spec) as Record<string, unknown>;
