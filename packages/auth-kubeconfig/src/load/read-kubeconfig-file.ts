import { dirname, isAbsolute, join, sep } from 'node:path';
import { NamedFileError, NamedFileErrorCode, readNamedFileSync } from '@ml-platform/core/files';
import { KubeconfigError, KubeconfigErrorCode } from '../errors.js';
import { BODY_KEY, type KubeconfigFile, type ListName, type NamedEntry } from './kubeconfig-model.js';

/**
 * A kubeconfig larger than this is refused before it is parsed. Larger than
 * core's 1 MiB for a named file because a kubeconfig embeds a CA, a client
 * certificate and a key (about 6 kB of base64) per cluster and user, and
 * generated ones (Rancher, multi-cluster EKS/GKE exports) hold hundreds of
 * them: 8 MiB is over a thousand such entries, while still bounding the YAML
 * parse to well under a second.
 */
export const MAX_KUBECONFIG_BYTES = 8 * 1024 * 1024;

/** What a missing file means to the caller: skip it (a KUBECONFIG list) or fail (an explicit path). */
export type MissingFile = 'skip' | 'fail';

/** One kubeconfig file's text, read but not yet parsed. */
export interface KubeconfigText {
  readonly path: string;
  readonly text: string;
}

/**
 * Turns a kubeconfig's text into the value it holds, or throws a
 * KubeconfigError (AUTH_KUBECONFIG_INVALID) naming the file, never quoting the
 * text (it may hold a token or a key). YAML (`kubeconfigYamlParser`) for
 * anything kubectl accepts; JSON alone where YAML is not wanted at startup.
 */
export type KubeconfigParser = (text: string, file: string) => unknown;

/**
 * Reads one kubeconfig file. A missing file gives undefined when `missing`
 * is `'skip'`; an empty file is an empty config (client-go's `LoadFromFile`).
 * Only a regular file is read (a FIFO or device is refused, never waited on).
 * `field` is what named the file (`KUBECONFIG`, the `kubeconfig` option).
 */
export function readKubeconfigText(
  path: string,
  missing: MissingFile,
  field: string,
): KubeconfigText | undefined {
  try {
    const bytes = readNamedFileSync(path, { field, maxBytes: MAX_KUBECONFIG_BYTES });
    return { path, text: Buffer.from(bytes).toString('utf8') };
  } catch (error) {
    const notFound = error instanceof NamedFileError && error.code === NamedFileErrorCode.notFound;
    if (notFound && missing === 'skip') return undefined;
    throw new KubeconfigError(
      notFound ? KubeconfigErrorCode.notFound : KubeconfigErrorCode.unreadable,
      notFound
        ? 'The kubeconfig file does not exist.'
        : `The kubeconfig file cannot be used: ${(error as Error).message}`,
      { file: path },
      { cause: error },
    );
  }
}

/**
 * The kubeconfig a file's parsed value describes, checked (a mapping of kind
 * Config, lists of named entries). Each entry's relative paths are resolved
 * against the file's directory now, before merging, as client-go's
 * `ResolveLocalPaths` does: `certificate-authority`, `client-certificate`,
 * `client-key`, `tokenFile`, and the exec `command` when it contains a path
 * separator (a bare name is looked up on `PATH`).
 */
export function kubeconfigFileFrom({ path, text }: KubeconfigText, parse: KubeconfigParser): KubeconfigFile {
  const root = checkRoot(parse(text, path), path);
  const currentContext = optionalString(root, 'current-context', path);
  return {
    path,
    currentContext: currentContext === '' ? undefined : currentContext,
    clusters: readList(root, 'clusters', path),
    users: readList(root, 'users', path),
    contexts: readList(root, 'contexts', path),
  };
}

function checkRoot(value: unknown, file: string): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new KubeconfigError(
      KubeconfigErrorCode.invalid,
      `The file holds ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not a kubeconfig (a mapping with clusters, users and contexts).`,
      { file },
    );
  }
  const kind = (value as Record<string, unknown>).kind;
  if (kind !== undefined && kind !== 'Config') {
    throw new KubeconfigError(
      KubeconfigErrorCode.invalid,
      `The file is a Kubernetes ${String(kind)}, not a kubeconfig (kind: Config).`,
      { file, field: 'kind' },
    );
  }
  return value as Record<string, unknown>;
}

function optionalString(object: Record<string, unknown>, key: string, file: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new KubeconfigError(KubeconfigErrorCode.invalid, `Expected a string, got ${typeof value}.`, {
      file,
      field: key,
    });
  }
  return value;
}

function readList(root: Record<string, unknown>, list: ListName, file: string): Map<string, NamedEntry> {
  const entries = new Map<string, NamedEntry>();
  const value = root[list];
  if (value === undefined || value === null) return entries;
  if (!Array.isArray(value)) {
    throw new KubeconfigError(KubeconfigErrorCode.invalid, `Expected a list, got ${typeof value}.`, {
      file,
      field: list,
    });
  }
  for (const [index, item] of value.entries()) {
    const at = `${list}[${index}]`;
    if (!isObject(item)) {
      throw new KubeconfigError(KubeconfigErrorCode.invalid, 'Expected a mapping with name and its body.', {
        file,
        field: at,
      });
    }
    const name = item.name;
    if (typeof name !== 'string' || name === '') {
      throw new KubeconfigError(KubeconfigErrorCode.invalid, 'Every entry needs a non-empty name.', {
        file,
        field: `${at}.name`,
      });
    }
    // client-go refuses a name listed twice in one file (`duplicate name ... in list`); across files the first wins.
    if (entries.has(name)) {
      throw new KubeconfigError(KubeconfigErrorCode.invalid, `The name "${name}" is listed twice.`, {
        file,
        field: `${at}.name`,
      });
    }
    const key = BODY_KEY[list];
    const body = item[key] ?? {};
    if (!isObject(body)) {
      throw new KubeconfigError(KubeconfigErrorCode.invalid, `Expected a mapping, got ${typeof body}.`, {
        file,
        field: `${list}["${name}"].${key}`,
      });
    }
    entries.set(name, { name, file, index, body: resolveLocalPaths(list, body, dirname(file)) });
  }
  return entries;
}

const FILE_FIELDS: Record<ListName, readonly string[]> = {
  clusters: ['certificate-authority'],
  users: ['client-certificate', 'client-key', 'tokenFile'],
  contexts: [],
};

function resolveLocalPaths(list: ListName, body: Record<string, unknown>, base: string) {
  const resolved: Record<string, unknown> = { ...body };
  for (const field of FILE_FIELDS[list]) {
    const value = resolved[field];
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) resolved[field] = join(base, value);
  }
  const exec = resolved.exec;
  if (list === 'users' && isObject(exec)) {
    const command = exec.command;
    if (typeof command === 'string' && command.includes(sep) && !isAbsolute(command)) {
      resolved.exec = { ...exec, command: join(base, command) };
    }
  }
  return resolved;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
