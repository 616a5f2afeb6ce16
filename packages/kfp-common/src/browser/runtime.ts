/**
 * `#runtime` in a browser: there is no file system and no pod, so every file
 * is missing (ENOENT) and the pod's namespace file too. Callers already treat
 * a missing file as "not there" (no kfp context, no token, no pod namespace);
 * what needs a file says so and takes the value itself (`{ text }`, a Blob,
 * `namespace`) instead.
 */
import type * as NodeRuntime from '../node/runtime.js';

function noFileSystem(what: string): Error {
  return Object.assign(
    new Error(`${what} needs a file system (Node.js, Bun or Deno); in a browser, pass the content itself.`),
    { code: 'ENOENT' },
  );
}

const missing =
  (what: string) =>
  async (..._args: unknown[]): Promise<never> => {
    throw noFileSystem(what);
  };

export const readFile = missing('Reading a file') as unknown as typeof NodeRuntime.readFile;
export const writeFile = missing('Writing a file') as unknown as typeof NodeRuntime.writeFile;
export const stat = missing('Reading a file') as unknown as typeof NodeRuntime.stat;
export const mkdir = missing('Creating a directory') as unknown as typeof NodeRuntime.mkdir;
export const rename = missing('Writing a file') as unknown as typeof NodeRuntime.rename;
export const homedir: typeof NodeRuntime.homedir = () => '/';
export const dirname: typeof NodeRuntime.dirname = (path) =>
  path.slice(0, Math.max(path.lastIndexOf('/'), 0)) || '/';
export const join: typeof NodeRuntime.join = (...parts) => parts.join('/').replace(/\/+/g, '/');
export const InClusterFileErrorCode = {
  missing: 'IN_CLUSTER_FILE_MISSING',
} as typeof NodeRuntime.InClusterFileErrorCode;
export const inClusterNamespace: typeof NodeRuntime.inClusterNamespace = async () => {
  throw Object.assign(noFileSystem("The pod's namespace file"), { code: InClusterFileErrorCode.missing });
};
export const loadServiceAccountTokenAuth: typeof NodeRuntime.loadServiceAccountTokenAuth = async () => {
  throw noFileSystem('A ServiceAccount token');
};
export const loadKubeServiceProxy: typeof NodeRuntime.loadKubeServiceProxy = async () => {
  throw noFileSystem('A kubeconfig');
};
