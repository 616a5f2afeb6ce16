import { invalidOption } from '@ml-platform/core';
import { parseYamlDocuments, YamlErrorCode } from '@ml-platform/core/yaml';
import type { SeldonDeployment } from '../schemas.js';
import { SeldonError, SeldonErrorCode } from './errors.js';

/**
 * A SeldonDeployment manifest: the object itself, its YAML or JSON text, or
 * a file holding it (`{ path }`, Node.js only). What `kubectl apply -f` takes.
 */
export type SeldonManifestSource = SeldonDeployment | { text: string } | { path: string | URL };

const KIND = 'SeldonDeployment';

/**
 * Reads a manifest into a SeldonDeployment, checking what the API needs of
 * it: one document, `kind: SeldonDeployment` (when given), `metadata.name`
 * and a `spec`. Throws `SELDON_MANIFEST_UNREADABLE` or
 * `SELDON_MANIFEST_INVALID` naming the source and what is wrong.
 */
export async function readSeldonManifest(source: SeldonManifestSource): Promise<SeldonDeployment> {
  if (!source || typeof source !== 'object' || Array.isArray(source)) {
    throw invalidOption('manifest must be a SeldonDeployment object, { text } (YAML or JSON) or { path }.');
  }
  if ('path' in source) {
    const { path } = source;
    if (typeof path !== 'string' && !(path instanceof URL)) {
      throw invalidOption('manifest.path must be a file path string or a file: URL.');
    }
    return checked(parsed(await readManifestFile(path), String(path)), String(path));
  }
  if ('text' in source) {
    if (typeof source.text !== 'string')
      throw invalidOption('manifest.text must be the YAML or JSON of a SeldonDeployment, as a string.');
    return checked(parsed(source.text, 'the manifest text'), 'the manifest text');
  }
  return checked(source as SeldonDeployment, 'the manifest object');
}

async function readManifestFile(path: string | URL): Promise<string> {
  // Loaded on use, so the package stays importable where there is no file system (browsers, edge runtimes).
  const { readManifestText } = await import('#runtime');
  try {
    return await readManifestText(path);
  } catch (error) {
    const reason = (error as { code?: string }).code ?? 'read error';
    throw new SeldonError(
      SeldonErrorCode.manifestUnreadable,
      `Could not read the SeldonDeployment manifest '${String(path)}' (${reason}). Check the path (a relative one ` +
        'is resolved from the working directory); it must name a regular file of at most 2 MiB.',
      { cause: error },
    );
  }
}

function parsed(text: string, shown: string): unknown {
  if (text.trim() === '') throw invalid(`${shown} is empty`);
  // YAML 1.2 is a superset of JSON, so one parser reads both and reports the line of a syntax error;
  // core's reader also refuses aliases that would expand a small manifest into gigabytes.
  let documents: unknown[];
  try {
    documents = parseYamlDocuments(text, { source: shown });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const what =
      code === YamlErrorCode.invalid
        ? message.replace(' is not valid YAML', ' is not valid YAML or JSON')
        : message;
    throw new SeldonError(SeldonErrorCode.manifestInvalid, what, { cause: error });
  }
  const nonEmpty = documents.filter((document) => document !== null && document !== undefined);
  if (nonEmpty.length !== 1) {
    throw invalid(
      `${shown} holds ${nonEmpty.length} YAML documents; give one SeldonDeployment per call (split the file at '---')`,
    );
  }
  return nonEmpty[0];
}

function checked(value: unknown, shown: string): SeldonDeployment {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(`${shown} is not an object (a SeldonDeployment has apiVersion, kind, metadata and spec)`);
  }
  const manifest = value as SeldonDeployment;
  if (manifest.kind !== undefined && manifest.kind !== KIND) {
    throw invalid(`${shown} has kind '${String(manifest.kind)}', expected '${KIND}'`);
  }
  const name = manifest.metadata?.name;
  if (typeof name !== 'string' || name.trim() === '') {
    throw invalid(`${shown} has no metadata.name (e.g. metadata: { name: 'iris' })`);
  }
  if (!manifest.spec || typeof manifest.spec !== 'object') {
    throw invalid(`${shown} has no spec (the predictors to deploy)`);
  }
  return manifest;
}

function invalid(what: string): SeldonError {
  return new SeldonError(SeldonErrorCode.manifestInvalid, `${what}.`);
}
