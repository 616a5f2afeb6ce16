/** One named entry of a kubeconfig list, with the file it came from (relative paths in it already resolved). */
export interface NamedEntry {
  readonly name: string;
  /** The file that defined it: relative paths are resolved against it, and errors name it. */
  readonly file: string;
  /** Position in its file's list, for messages. */
  readonly index: number;
  /** The entry's body (`cluster:`, `user:` or `context:`), not yet checked beyond being an object. */
  readonly body: Record<string, unknown>;
}

/** One kubeconfig file, parsed. */
export interface KubeconfigFile {
  readonly path: string;
  readonly currentContext: string | undefined;
  readonly clusters: ReadonlyMap<string, NamedEntry>;
  readonly users: ReadonlyMap<string, NamedEntry>;
  readonly contexts: ReadonlyMap<string, NamedEntry>;
}

/** Several files merged the way kubectl merges them. */
export interface MergedKubeconfig {
  readonly files: readonly string[];
  readonly currentContext: string | undefined;
  /** The file that set `current-context`. */
  readonly currentContextFile: string | undefined;
  readonly clusters: ReadonlyMap<string, NamedEntry>;
  readonly users: ReadonlyMap<string, NamedEntry>;
  readonly contexts: ReadonlyMap<string, NamedEntry>;
}

export type ListName = 'clusters' | 'users' | 'contexts';

/** The key holding each list entry's body. */
export const BODY_KEY: Record<ListName, string> = { clusters: 'cluster', users: 'user', contexts: 'context' };
