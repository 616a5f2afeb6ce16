import { requireText } from '@ml-platform/core';
import { KfpError, KfpErrorCode } from './errors.js';

/**
 * The file every pod gets with the namespace of its ServiceAccount (the same
 * path as core's `IN_CLUSTER_NAMESPACE_PATH`; spelled here so this module
 * needs no Node-only import to name it).
 */
export const SERVICE_ACCOUNT_NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

/** What kfp.Client keeps in `~/.config/kfp/context.json`. Unknown keys are kept as they are. */
export interface KfpContext {
  namespace?: string | undefined;
  [key: string]: unknown;
}

/**
 * Where the namespace lookup reads from: the KFP context file and the pod's ServiceAccount
 * namespace file.
 */
export interface NamespaceFiles {
  /** Default: `~/.config/kfp/context.json`, the file the Python SDK reads and writes. */
  contextFile?: string | undefined;
  /** Default: {@link SERVICE_ACCOUNT_NAMESPACE_FILE}. */
  serviceAccountNamespaceFile?: string | undefined;
}

/**
 * The options of `resolveUserNamespace`: a namespace that wins when given, else the files to look
 * in.
 */
export interface ResolveNamespaceOptions extends NamespaceFiles {
  /** Wins over every file when given. */
  namespace?: string | undefined;
}

/**
 * The namespace to work in when the caller did not pass one: `namespace`
 * when given, else the one saved in the KFP context file (shared with the
 * Python SDK's `set_user_namespace`), else the pod's ServiceAccount namespace
 * (read by core's one in-cluster reader, which refuses an empty file or one
 * that holds no namespace name), else undefined (single-user deployments need
 * none). Reads files; never writes any and makes no network call.
 */
export async function resolveUserNamespace(
  options: ResolveNamespaceOptions = {},
): Promise<string | undefined> {
  if (options.namespace !== undefined) return requireText('namespace', options.namespace, "'team-a'");
  const context = await readKfpContext(options.contextFile);
  if (typeof context?.namespace === 'string' && context.namespace.trim() !== '')
    return context.namespace.trim();
  return podNamespace(options.serviceAccountNamespaceFile ?? SERVICE_ACCOUNT_NAMESPACE_FILE);
}

/** The pod's namespace, or undefined when there is no namespace file (not in a pod). */
async function podNamespace(path: string): Promise<string | undefined> {
  // Loaded on use; `#runtime` has no pod and no file in a browser.
  const { InClusterFileErrorCode, inClusterNamespace } = await import('#runtime');
  try {
    return await inClusterNamespace({ path });
  } catch (error) {
    if ((error as { code?: unknown }).code === InClusterFileErrorCode.missing) return undefined;
    throw error;
  }
}

/** The KFP context file's content, or undefined when there is none. */
export async function readKfpContext(contextFile?: string): Promise<KfpContext | undefined> {
  const file = contextFile ?? (await defaultContextFile());
  const text = await readTextIfExists(file);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw contextError(file, 'is not valid JSON', error);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw contextError(file, 'is not a JSON object');
  return parsed as KfpContext;
}

/**
 * Saves `namespace` as the default in the KFP context file, keeping its other
 * keys, the way the Python SDK's `set_user_namespace` does; the one helper that
 * writes it. The file is replaced atomically, so a reader never sees half of it.
 */
export async function setUserNamespace(
  namespace: string,
  options: { contextFile?: string | undefined } = {},
): Promise<void> {
  const value = requireText('namespace', namespace, "'team-a'");
  const { dirname, mkdir, rename, writeFile } = await import('#runtime');
  const file = options.contextFile ?? (await defaultContextFile());
  const context = (await readKfpContext(file)) ?? {};
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, JSON.stringify({ ...context, namespace: value }), { mode: 0o600 });
  await rename(temporary, file);
}

async function defaultContextFile(): Promise<string> {
  const { homedir, join } = await import('#runtime');
  return join(homedir(), '.config', 'kfp', 'context.json');
}

async function readTextIfExists(file: string): Promise<string | undefined> {
  // Loaded on use, so the package stays importable where there is no file system.
  const { readFile } = await import('#runtime');
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function contextError(file: string, problem: string, cause?: unknown): KfpError {
  return new KfpError(
    KfpErrorCode.contextFileInvalid,
    `The KFP context file ${file} ${problem}; expected {"namespace": "<name>"}. Fix or delete it, or pass namespace explicitly.`,
    { cause },
  );
}
