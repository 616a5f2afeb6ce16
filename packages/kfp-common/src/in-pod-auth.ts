import type { AuthPlugin } from '@ml-platform/core';
import type { MiddlewareCallbackParams } from 'openapi-fetch';
import { IN_POD_AUTH_NAME, type InPodCredential } from './in-pod-credential.js';
import type { InPodSigner } from './in-pod-lookup.js';
import { processEnv } from './process-env.js';

export { IN_POD_AUTH_NAME, type InPodCredential, NO_CREDENTIAL_CODE } from './in-pod-credential.js';

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
 * lookup, the plugin and `node:fs` are imported only then, so browsers never load them.
 * When nothing is found, requests go out unsigned and a 401 answer becomes an
 * `AuthError` (`AUTH_NO_CREDENTIAL_FOUND`) that says what was looked for and
 * which plugin to pass. `auth: []` on the client turns all of this off.
 */
export function inPodDefaultAuth(env: Record<string, string | undefined> = processEnv()): InPodAuth {
  let found: ReturnType<typeof lookUp> | undefined;
  // Once the lookup is done every request uses its result directly: no await on the hot path.
  let signer: InPodSigner | undefined;
  const lookup = () => {
    found ??= lookUp(env).then((result) => {
      signer = result;
      return result;
    });
    return found;
  };
  return {
    name: IN_POD_AUTH_NAME,
    describe: async () => (await lookup()).credential,
    onRequest(params: MiddlewareCallbackParams) {
      if (signer) return signer.onRequest(params);
      return lookup().then((ready) => ready.onRequest(params));
    },
    onResponse(params: MiddlewareCallbackParams & { response: Response }) {
      if (signer) return signer.onResponse(params);
      return lookup().then((ready) => ready.onResponse(params));
    },
  };
}

async function lookUp(env: Record<string, string | undefined>) {
  return (await import('./in-pod-lookup.js')).findInPodCredential(env);
}
