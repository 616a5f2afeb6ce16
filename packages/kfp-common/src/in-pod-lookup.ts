// What inPodDefaultAuth finds, loaded with import() on the client's first request.
import { AuthError, type AuthPlugin } from '@ml-platform/core';
import type { MiddlewareCallbackParams } from 'openapi-fetch';
import { IN_POD_AUTH_NAME, type InPodCredential, NO_CREDENTIAL_CODE } from './in-pod-credential.js';

/** The variable and default path kfp.Client reads the ServiceAccount token from (kfp `auth` module). */
const TOKEN_PATH_ENV = 'KF_PIPELINES_SA_TOKEN_PATH';
const DEFAULT_TOKEN_PATH = '/var/run/secrets/kubeflow/pipelines/token';

/** The credential found and the hooks that sign with it, or explain a 401 without one. */
export interface InPodSigner {
  readonly credential: InPodCredential;
  onRequest(params: MiddlewareCallbackParams): ReturnType<NonNullable<AuthPlugin['onRequest']>>;
  onResponse(
    params: MiddlewareCallbackParams & { response: Response },
  ): ReturnType<NonNullable<AuthPlugin['onResponse']>>;
}

/** Looks for the token file once; signs with auth-sa-token when there is one. */
export async function findInPodCredential(env: Record<string, string | undefined>): Promise<InPodSigner> {
  const fromEnv = env[TOKEN_PATH_ENV]?.trim();
  const path = fromEnv || DEFAULT_TOKEN_PATH;
  if (await isFile(path)) {
    const serviceAccountTokenAuth = await (await import('#runtime')).loadServiceAccountTokenAuth();
    const plugin = serviceAccountTokenAuth({ env });
    return {
      credential: { kind: 'service-account-token', path, from: fromEnv ? 'env' : 'default' },
      onRequest: (params) => plugin.onRequest?.(params),
      onResponse: (params) => plugin.onResponse?.(params),
    };
  }
  const lookedAt = [fromEnv ? `${path} (from ${TOKEN_PATH_ENV})` : `${path} (${TOKEN_PATH_ENV} is not set)`];
  return {
    credential: { kind: 'none', lookedAt },
    onRequest: () => undefined,
    onResponse({ request, response }) {
      if (
        response.status === 401 &&
        !request.headers.has('authorization') &&
        !request.headers.has('cookie')
      ) {
        throw noCredentialError(lookedAt);
      }
      return undefined;
    },
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
