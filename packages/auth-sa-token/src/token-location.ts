import { resolve } from 'node:path';

/** The variable kfp.Client reads for the token path (kfp `auth` module: `KF_PIPELINES_SA_TOKEN_ENV`). */
export const KF_PIPELINES_SA_TOKEN_PATH_ENV = 'KF_PIPELINES_SA_TOKEN_PATH';

/** Where Kubeflow's docs mount the `pipelines.kubeflow.org` token (and kfp.Client's default). */
export const KFP_SA_TOKEN_PATH = '/var/run/secrets/kubeflow/pipelines/token';

/** The token Kubernetes mounts into every pod (audience: the Kubernetes API server). */
export const KUBERNETES_SA_TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** Which token file to use when no `path` is given. */
export type TokenSource = 'kubeflow-pipelines' | 'kubernetes';

/** Where the path came from; error messages say it, since the fix differs. */
export type TokenPathOrigin = 'option' | 'env' | 'default' | 'kubernetes';

export interface TokenLocation {
  readonly path: string;
  readonly origin: TokenPathOrigin;
}

/**
 * `path` option, else (for the Pipelines token) `KF_PIPELINES_SA_TOKEN_PATH`,
 * else the default for `source`. Read once, when the plugin is created; a
 * relative path is resolved against the working directory of that moment.
 */
export function resolveTokenLocation(
  path: string | undefined,
  source: TokenSource,
  env: Record<string, string | undefined>,
): TokenLocation {
  if (path !== undefined) return { path: resolve(path), origin: 'option' };
  if (source === 'kubernetes') return { path: KUBERNETES_SA_TOKEN_PATH, origin: 'kubernetes' };
  const fromEnv = env[KF_PIPELINES_SA_TOKEN_PATH_ENV]?.trim();
  if (fromEnv) return { path: resolve(fromEnv), origin: 'env' };
  return { path: KFP_SA_TOKEN_PATH, origin: 'default' };
}

/** The path and where it came from, e.g. `/x/token (from KF_PIPELINES_SA_TOKEN_PATH)`. */
export function describeLocation({ path, origin }: TokenLocation): string {
  switch (origin) {
    case 'option':
      return `${path} (the path option)`;
    case 'env':
      return `${path} (from ${KF_PIPELINES_SA_TOKEN_PATH_ENV})`;
    case 'default':
      return `${path} (the default; ${KF_PIPELINES_SA_TOKEN_PATH_ENV} is not set)`;
    case 'kubernetes':
      return `${path} (the standard Kubernetes token, source: 'kubernetes')`;
  }
}

/** What to do when nothing is at the path. */
export function mountHint({ origin }: TokenLocation): string {
  if (origin === 'kubernetes') {
    return (
      'Kubernetes mounts this token unless automountServiceAccountToken is false for the pod or its ' +
      'ServiceAccount; or pass the path option.'
    );
  }
  return (
    'Mount a projected serviceAccountToken volume with audience pipelines.kubeflow.org at ' +
    '/var/run/secrets/kubeflow/pipelines (the PodDefault in the README of @ml-platform/auth-sa-token), ' +
    `or set ${KF_PIPELINES_SA_TOKEN_PATH_ENV} or the path option to the file that holds the token.`
  );
}

/** What to do when the path holds the wrong thing. */
export function pointHint(): string {
  return `Point ${KF_PIPELINES_SA_TOKEN_PATH_ENV} or the path option at the token file the kubelet writes.`;
}
