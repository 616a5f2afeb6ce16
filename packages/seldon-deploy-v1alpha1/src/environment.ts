import { ConfigError, ConfigErrorCode } from '@ml-platform/core';

/** The namespace Seldon Deploy's own examples and the Seldon Core operator install into. */
export const DEFAULT_SELDON_NAMESPACE = 'seldon';

// The environment where there is one (Node, Bun, Deno's compatibility layer); empty in browsers.
const processEnv = (): Record<string, string | undefined> =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};

/**
 * Where the Seldon Deploy API is when no `baseUrl` is given: `SELDON_DEPLOY_URL`
 * (`https://<host>/seldon-deploy/api/v1alpha1`), as `resolveKfpEndpoint` reads
 * `KF_PIPELINES_ENDPOINT`. Throws `CONFIG_NO_BASE_URL` saying what to set when it is not set.
 */
export function resolveSeldonDeployEndpoint(env: Record<string, string | undefined> = processEnv()): string {
  const explicit = env.SELDON_DEPLOY_URL?.trim();
  if (explicit) return explicit;
  throw new ConfigError(
    ConfigErrorCode.noBaseUrl,
    'No Seldon Deploy endpoint: pass baseUrl (e.g. https://<host>/seldon-deploy/api/v1alpha1) or set SELDON_DEPLOY_URL.',
  );
}

/** The namespace to work in when none is given: `SELDON_NAMESPACE`, else `seldon`. */
export function resolveSeldonNamespace(env: Record<string, string | undefined> = processEnv()): string {
  return env.SELDON_NAMESPACE?.trim() || DEFAULT_SELDON_NAMESPACE;
}
