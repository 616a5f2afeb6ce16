// What namespace.ts's helpers do, loaded with import() on their first call.
import { requireText } from '@ml-platform/core';
import { KfpError, KfpErrorCode } from './errors.js';

/** A parsed KFP context file: a JSON object, `namespace` among its keys. */
type ContextFile = { namespace?: string | undefined; [key: string]: unknown };

/** See resolveUserNamespace; the pod's namespace file is given, defaulted by the caller. */
export async function lookUpUserNamespace(options: {
  namespace?: string | undefined;
  contextFile?: string | undefined;
  serviceAccountNamespaceFile: string;
}): Promise<string | undefined> {
  if (options.namespace !== undefined) return requireText('namespace', options.namespace, "'team-a'");
  const context = await readContextFile(options.contextFile);
  if (typeof context?.namespace === 'string' && context.namespace.trim() !== '')
    return context.namespace.trim();
  return podNamespace(options.serviceAccountNamespaceFile);
}

/** The pod's namespace, or undefined when there is no namespace file (not in a pod). */
async function podNamespace(path: string): Promise<string | undefined> {
  // `#runtime` has no pod and no file in a browser.
  const { InClusterFileErrorCode, inClusterNamespace } = await import('#runtime');
  try {
    return await inClusterNamespace({ path });
  } catch (error) {
    if ((error as { code?: unknown }).code === InClusterFileErrorCode.missing) return undefined;
    throw error;
  }
}

/** The KFP context file's content, or undefined when there is none. */
export async function readContextFile(contextFile?: string): Promise<ContextFile | undefined> {
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
  return parsed as ContextFile;
}

/** See setUserNamespace. */
export async function saveUserNamespace(
  namespace: string,
  options: { contextFile?: string | undefined },
): Promise<void> {
  const value = requireText('namespace', namespace, "'team-a'");
  const { dirname, mkdir, rename, writeFile } = await import('#runtime');
  const file = options.contextFile ?? (await defaultContextFile());
  const context = (await readContextFile(file)) ?? {};
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
