import { ConfigError, ConfigErrorCode } from '@ml-platform/core';
import { environmentEndpoint } from '../endpoint.js';

/** Where the zero-config lookup found the KFP API, in the order it looks. */
export type KfpEndpointSource = 'KF_PIPELINES_ENDPOINT' | 'in-cluster' | 'kubeconfig';

/** The first step of the chain that applies, and why each earlier one did not. */
export type KfpEndpointStep =
  | { source: 'KF_PIPELINES_ENDPOINT' | 'in-cluster'; baseUrl: string; skipped: string[] }
  | { source: 'kubeconfig'; kubeconfigFiles: string[]; skipped: string[] };

/**
 * kfp.Client's lookup when no host is given (kfp 2.17): `KF_PIPELINES_ENDPOINT`;
 * inside a pod, the `ml-pipeline-ui` service (its injected
 * `ML_PIPELINE_UI_SERVICE_HOST`/`_PORT`, else its cluster DNS name when
 * `KUBERNETES_SERVICE_HOST` says this is a pod); else, when a kubeconfig
 * exists, its current context, through the API server's service proxy. Only
 * checks that a kubeconfig file exists: reading it is auth-kubeconfig's job,
 * loaded when the first request needs it.
 */
export function kfpEndpointStep(env: Record<string, string | undefined>): KfpEndpointStep {
  const found = environmentEndpoint(env);
  if (found?.source === 'KF_PIPELINES_ENDPOINT') return { ...found, skipped: [] };
  const skipped = ['KF_PIPELINES_ENDPOINT is not set'];
  if (found) return { ...found, skipped };
  skipped.push('not in a pod (neither ML_PIPELINE_UI_SERVICE_HOST nor KUBERNETES_SERVICE_HOST is set)');
  const node = nodeModules();
  const candidates = node ? kubeconfigCandidates(env, node) : [];
  const existing = candidates.filter((path) => node?.fs.existsSync(path));
  if (existing.length > 0) return { source: 'kubeconfig', kubeconfigFiles: existing, skipped };
  skipped.push(
    node
      ? `no kubeconfig (looked at ${candidates.join(', ') || 'nothing: KUBECONFIG names no file'})`
      : 'no kubeconfig (no file system here)',
  );
  throw new ConfigError(
    ConfigErrorCode.noBaseUrl,
    `No Kubeflow Pipelines endpoint: ${skipped.join('; ')}. Pass baseUrl (e.g. https://<kubeflow-host>/pipeline), ` +
      'set KF_PIPELINES_ENDPOINT (e.g. to what kubectl port-forward or kubectl proxy gives), or have a kubeconfig ' +
      'whose context can reach the cluster: the client then goes through its API server to kubeflow/ml-pipeline.',
  );
}

/** The files kubectl would read: KUBECONFIG's list (an empty one means the default), else ~/.kube/config. */
function kubeconfigCandidates(env: Record<string, string | undefined>, node: NodeModules): string[] {
  const list = env.KUBECONFIG;
  if (list !== undefined && list !== '') return list.split(node.path.delimiter).filter((path) => path !== '');
  return [node.path.join(env.HOME?.trim() || node.os.homedir(), '.kube', 'config')];
}

interface NodeModules {
  fs: typeof import('node:fs');
  os: typeof import('node:os');
  path: typeof import('node:path');
}

/**
 * Node's file system, taken synchronously (a client is created synchronously) without importing it, so
 * no bundle and no browser gets `node:` modules from here; undefined where there is none (browsers).
 * Node >= 20.16, Bun and Deno have `process.getBuiltinModule`.
 */
function nodeModules(): NodeModules | undefined {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  if (typeof get !== 'function') return undefined;
  return {
    fs: get('node:fs') as NodeModules['fs'],
    os: get('node:os') as NodeModules['os'],
    path: get('node:path') as NodeModules['path'],
  };
}
