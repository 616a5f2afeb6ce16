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

// The lookup itself (file reads, JSON, messages) loads on the first call: a client or a program that
// never asks for a namespace does not carry it.
const lookup = () => import('./namespace-lookup.js');

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
  return (await lookup()).lookUpUserNamespace({
    ...options,
    serviceAccountNamespaceFile: options.serviceAccountNamespaceFile ?? SERVICE_ACCOUNT_NAMESPACE_FILE,
  });
}

/** The KFP context file's content, or undefined when there is none. */
export async function readKfpContext(contextFile?: string): Promise<KfpContext | undefined> {
  return (await lookup()).readContextFile(contextFile);
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
  return (await lookup()).saveUserNamespace(namespace, options);
}
