import type { KubeconfigFile, MergedKubeconfig, NamedEntry } from './kubeconfig-model.js';

/**
 * kubectl's merge of several kubeconfig files (client-go clientcmd `Load`):
 * for each named cluster, user and context the first file that defines it
 * wins, whole (entries are not merged field by field); `current-context`
 * comes from the first file that sets it.
 */
export function mergeKubeconfigs(files: readonly KubeconfigFile[]): MergedKubeconfig {
  const clusters = new Map<string, NamedEntry>();
  const users = new Map<string, NamedEntry>();
  const contexts = new Map<string, NamedEntry>();
  let currentContext: string | undefined;
  let currentContextFile: string | undefined;
  for (const file of files) {
    addNew(clusters, file.clusters);
    addNew(users, file.users);
    addNew(contexts, file.contexts);
    if (currentContext === undefined && file.currentContext !== undefined) {
      currentContext = file.currentContext;
      currentContextFile = file.path;
    }
  }
  return {
    files: files.map((file) => file.path),
    currentContext,
    currentContextFile,
    clusters,
    users,
    contexts,
  };
}

function addNew(into: Map<string, NamedEntry>, from: ReadonlyMap<string, NamedEntry>): void {
  for (const [name, entry] of from) if (!into.has(name)) into.set(name, entry);
}
