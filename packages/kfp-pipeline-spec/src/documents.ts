// Text -> the JSON documents of a pipeline package. kfp writes packages with PyYAML and
// kfp.Client reads them with PyYAML before sending the spec inline, so they are read as PyYAML
// reads them (core's YAML reader, `yamlVersion: '1.1'`), with aliases bounded: a 1.2 kB package
// must not expand into a 13 MB run. A duplicate key is an error here, as it is on the KFP server
// (gopkg.in/yaml.v3), where PyYAML would silently keep the last value.
import { parseYamlDocuments } from '@ml-platform/core/yaml';
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

/**
 * The non-empty documents of a YAML or JSON text, in order. `json-or-yaml` (a nameless text that
 * starts with `{`): JSON, else YAML. JSON is read as JSON, not as YAML, because YAML 1.1 reads a
 * JSON number such as `1e3` as a string.
 */
export function parseDocuments(
  text: string,
  sourceName: PackageLocation,
  format: 'yaml' | 'json' | 'json-or-yaml',
): unknown[] {
  if (format === 'json-or-yaml') {
    try {
      return [JSON.parse(text)];
    } catch {
      return parseDocuments(text, sourceName, 'yaml');
    }
  }
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
  const source =
    typeof sourceName === 'string' ? sourceName : `${sourceName.entry} in ${sourceName.sourceName}`;
  let documents: unknown[];
  try {
    documents = parseYamlDocuments(text, { source, yamlVersion: '1.1', duplicateKeys: 'error' });
  } catch (error) {
    // core's message names the position, never the text (a password in an env var ends up in logs).
    const reason = (error as Error).message.replace(`${source} is `, 'it is ');
    throw new InvalidPipelinePackageError(sourceName, reason, { cause: error });
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
