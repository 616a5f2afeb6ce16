/**
 * What kfp-common needs from the file system and the pod, for Node.js, Bun and
 * Deno. Imported as `#runtime`: package.json maps it here under the `node`
 * condition and to `../browser/runtime.js` everywhere else, so a browser
 * bundle holds no `node:` module and no ServiceAccount-token plugin.
 */
export { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
export { homedir } from 'node:os';
export { dirname, join } from 'node:path';
export { InClusterFileErrorCode, inClusterNamespace } from '@ml-platform/core/in-cluster';

export async function loadServiceAccountTokenAuth() {
  return (await import('@ml-platform/auth-sa-token')).serviceAccountTokenAuth;
}

export async function loadKubeServiceProxy() {
  return (await import('@ml-platform/auth-kubeconfig')).kubeServiceProxy;
}
