// Text -> the JSON documents of a pipeline package. PyYAML writes the packages; the server reads
// them with gopkg.in/yaml.v3. js-yaml reads everything PyYAML writes (long wrapped strings
// included), and with its core schema it keeps dates as strings and `yes`/`on` as strings, as
// yaml.v3 does when it decodes into map[string]interface{}. Duplicate keys are an error in both.
import { CORE_SCHEMA, loadAll, YAMLException } from 'js-yaml';
import { InvalidPipelinePackageError, type PackageLocation } from './errors.js';

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
      schema: CORE_SCHEMA,
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
