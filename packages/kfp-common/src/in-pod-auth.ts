import { AuthError, type AuthPlugin } from '@ml-platform/core';
import type { MiddlewareCallbackParams } from 'openapi-fetch';
import { processEnv } from './process-env.js';

/** The variable and default path kfp.Client reads the ServiceAccount token from (kfp `auth` module). */
const TOKEN_PATH_ENV = 'KF_PIPELINES_SA_TOKEN_PATH';
const DEFAULT_TOKEN_PATH = '/var/run/secrets/kubeflow/pipelines/token';

/** The name the zero-config in-pod auth plugin reports (in diagnostics and error messages). */
export const IN_POD_AUTH_NAME = '@ml-platform/kfp-common (zero-config in-pod auth)';

/** Stable code of the error a 401 gets when the zero-config lookup found no credential. */
export const NO_CREDENTIAL_CODE = 'AUTH_NO_CREDENTIAL_FOUND';

/** What the zero-config auth found, for messages and for `describe()`. */
export type InPodCredential =
  | { kind: 'service-account-token'; path: string; from: 'env' | 'default' }
  | { kind: 'none'; lookedAt: string[] };

/**
 * The zero-config auth plugin a KFP client gets without `auth`: the Kubeflow Pipelines
 * ServiceAccount token when the pod has one, else none.
 */
export type InPodAuth = AuthPlugin & {
  /** Which credential the client signs with; looks on first call (or first request) only. */
  describe(): Promise<InPodCredential>;
};

/**
 * The auth a KFP client gets when it is given none, so that
 * `createKfpV2Client()` in a pod behaves like `kfp.Client()`: when
 * `KF_PIPELINES_SA_TOKEN_PATH` or the default projected token path names a
 * file, requests are signed by `@ml-platform/auth-sa-token` with that token
 * (re-read on rotation). Nothing is looked up until the first request, and the
 * plugin and `node:fs` are imported only then, so browsers never load them.
 * When nothing is found, requests go out unsigned and a 401 answer becomes an
 * `AuthError` (`AUTH_NO_CREDENTIAL_FOUND`) that says what was looked for and
 * which plugin to pass. `auth: []` on the client turns all of this off.
 */
export function inPodDefaultAuth(env: Record<string, string | undefined> = processEnv()): InPodAuth {
  let found: Promise<{ credential: InPodCredential; plugin?: AuthPlugin }> | undefined;
  const lookup = () => {
    found ??= detect(env);
    return found;
  };
  return {
    name: IN_POD_AUTH_NAME,
    describe: async () => (await lookup()).credential,
    async onRequest(params: MiddlewareCallbackParams) {
      const { plugin } = await lookup();
      return plugin?.onRequest ? plugin.onRequest(params) : undefined;
    },
    async onResponse(params: MiddlewareCallbackParams & { response: Response }) {
      const { plugin, credential } = await lookup();
      if (plugin?.onResponse) return plugin.onResponse(params);
      if (
        credential.kind === 'none' &&
        params.response.status === 401 &&
        !params.request.headers.has('authorization') &&
        !params.request.headers.has('cookie')
      ) {
        throw noCredentialError(credential.lookedAt);
      }
      return undefined;
    },
  };
}

async function detect(
  env: Record<string, string | undefined>,
): Promise<{ credential: InPodCredential; plugin?: AuthPlugin }> {
  const fromEnv = env[TOKEN_PATH_ENV]?.trim();
  const path = fromEnv || DEFAULT_TOKEN_PATH;
  const lookedAt = [fromEnv ? `${path} (from ${TOKEN_PATH_ENV})` : `${path} (${TOKEN_PATH_ENV} is not set)`];
  if (!(await isFile(path))) return { credential: { kind: 'none', lookedAt } };
  const serviceAccountTokenAuth = await (await import('#runtime')).loadServiceAccountTokenAuth();
  return {
    credential: { kind: 'service-account-token', path, from: fromEnv ? 'env' : 'default' },
    plugin: serviceAccountTokenAuth({ env }),
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    // In a browser `#runtime` has no file system: the catch finds no token.
    const { stat } = await import('#runtime');
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function noCredentialError(lookedAt: string[]): AuthError {
  return new AuthError(
    IN_POD_AUTH_NAME,
    NO_CREDENTIAL_CODE,
    `The server answered 401 and the client has no credential: it was created without auth, and no ` +
      `ServiceAccount token was found at ${lookedAt.join(', ')}. In a pod, mount a projected token with audience ` +
      'pipelines.kubeflow.org (see @ml-platform/auth-sa-token). Elsewhere, pass auth: serviceAccountTokenAuth() ' +
      '(@ml-platform/auth-sa-token), dexSessionAuth() (@ml-platform/auth-dex-session), ' +
      'oidcAuth() (@ml-platform/auth-oidc) or staticTokenAuth(token); auth: [] sends requests unsigned on purpose.',
  );
}
