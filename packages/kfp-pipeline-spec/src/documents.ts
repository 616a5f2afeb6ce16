// Text -> the JSON documents of a pipeline package. kfp writes packages with PyYAML and
// kfp.Client reads them with PyYAML before sending the spec inline. js-yaml's parser reads
// everything PyYAML writes (long wrapped strings of every style included); its scalars are
// resolved as PyYAML resolves them (yaml-1-1-schema.ts). A duplicate key is an error here, as it
// is on the KFP server (gopkg.in/yaml.v3), where PyYAML would silently keep the last value.
import { loadAll, YAMLException } from 'js-yaml';
import { InvalidPipelinePackageError, type PackageLocation } from './errors.js';
import { PYYAML_SAFE_SCHEMA } from './yaml-1-1-schema.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array, sourceName: PackageLocation): string {
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw new InvalidPipelinePackageError(
      sourceName,
      'it is not UTF-8 text, nor a zip or tar.gz archive: pass a compiled pipeline (YAML or JSON).',
      { cause: error },
    );
  }
}

/** The non-empty documents of a YAML (or JSON) text, in order. */
export function parseDocuments(
  text: string,
  sourceName: PackageLocation,
  format: 'yaml' | 'json',
): unknown[] {
  if (format === 'json') {
    try {
      return [JSON.parse(text)];
    } catch (error) {
      throw new InvalidPipelinePackageError(
        sourceName,
        `it is not valid JSON (${(error as Error).message}).`,
        {
          cause: error,
        },
      );
    }
  }
  let documents: unknown[];
  try {
    documents = loadAll(text, null, {
      schema: PYYAML_SAFE_SCHEMA,
      filename: typeof sourceName === 'string' ? sourceName : sourceName.entry,
    });
  } catch (error) {
    const reason = error instanceof YAMLException ? error.message : String(error);
    throw new InvalidPipelinePackageError(sourceName, `it is not valid YAML: ${reason}`, { cause: error });
  }
  // yaml.v3 decodes an empty document (or one holding only comments) as nil; the server skips it.
  const nonEmpty = documents.filter((document) => document !== null && document !== undefined);
  if (nonEmpty.length === 0) {
    throw new InvalidPipelinePackageError(
      sourceName,
      'it is empty or holds only comments: compile the pipeline again (kfp.compiler.Compiler().compile).',
    );
  }
  return nonEmpty;
}
