import { ConfigError, ConfigErrorCode } from '@ml-platform/core';
import { delimiter, existsSync, homedir, join } from '#runtime';
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
  const candidates = kubeconfigCandidates(env);
  const existing = candidates.filter((path) => existsSync(path));
  if (existing.length > 0) return { source: 'kubeconfig', kubeconfigFiles: existing, skipped };
  skipped.push(`no kubeconfig (looked at ${candidates.join(', ') || 'nothing: KUBECONFIG names no file'})`);
  throw new ConfigError(
    ConfigErrorCode.noBaseUrl,
    `No Kubeflow Pipelines endpoint: ${skipped.join('; ')}. Pass baseUrl (e.g. https://<kubeflow-host>/pipeline), ` +
      'set KF_PIPELINES_ENDPOINT (e.g. to what kubectl port-forward or kubectl proxy gives), or have a kubeconfig ' +
      'whose context can reach the cluster: the client then goes through its API server to kubeflow/ml-pipeline.',
  );
}

/** The files kubectl would read: KUBECONFIG's list (an empty one means the default), else ~/.kube/config. */
function kubeconfigCandidates(env: Record<string, string | undefined>): string[] {
  const list = env.KUBECONFIG;
  if (list !== undefined && list !== '') return list.split(delimiter).filter((path) => path !== '');
  return [join(env.HOME?.trim() || homedir(), '.kube', 'config')];
}
