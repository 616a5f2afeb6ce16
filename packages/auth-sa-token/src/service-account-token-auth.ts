import {
  type Credential,
  type CredentialAuthPlugin,
  CredentialCache,
  createCredentialAuth,
  jwtExpiresAt,
} from '@ml-platform/core';
import { PLUGIN_NAME } from './errors.js';
import { createExpiryCheck } from './expiry-check.js';
import { resolveOptions, type ServiceAccountTokenAuthOptions } from './options.js';
import { readToken } from './read-token.js';
import { createRotationDetector, type ReadStamp } from './rotation-detector.js';
import { resolveTokenLocation } from './token-location.js';

/** A token as read from its file. `value` is not enumerable, so logging the credential does not print it. */
export interface ServiceAccountTokenCredential extends Credential, ReadStamp {}

/**
 * What `serviceAccountTokenAuth` returns: an auth plugin sending the projected token, re-read when
 * the kubelet rotates it; dispose of it (or `close()`) to stop watching the file.
 */
export type ServiceAccountTokenAuth = CredentialAuthPlugin<ServiceAccountTokenCredential> &
  Disposable & {
    /** The absolute path of the token file this plugin reads. */
    readonly path: string;
    /** Stops watching the token's directory. The plugin keeps working, noticing rotation by `stat` only. */
    close(): void;
  };

/**
 * Signs requests with `Authorization: Bearer <token>` from a Kubernetes
 * ServiceAccount token file, correct under the kubelet's token rotation: the
 * file is read once, re-read when it is replaced (directory watch, plus a
 * throttled `stat`), when the token's `exp` is near, and once after a 401,
 * with concurrent requests sharing one read. A token still valid by its
 * `exp` is always sent; one expired by more than `clockSkewMs` never is.
 *
 * @example
 * const auth = serviceAccountTokenAuth();
 * const kfp = createKfpV2Client({ baseUrl: 'http://ml-pipeline-ui.kubeflow', auth });
 */
export function serviceAccountTokenAuth(options?: ServiceAccountTokenAuthOptions): ServiceAccountTokenAuth {
  const resolved = resolveOptions(options);
  const location = resolveTokenLocation(resolved.path, resolved.source, resolved.env);
  const { clockSkewMs } = resolved;

  const cache: CredentialCache<ServiceAccountTokenCredential> = new CredentialCache({
    acquire: () => acquire(),
    skewMs: clockSkewMs,
    // No timed early re-read: the kubelet replaces the file at 80% of the token's lifetime (at least
    // 2 minutes before `exp`), which the detector notices; re-reading on a timer would return the same bytes.
    refreshAheadMs: 0,
    now: () => Date.now(),
  });

  const expiry = createExpiryCheck(location, clockSkewMs);
  const detector = createRotationDetector<ServiceAccountTokenCredential>({
    path: location.path,
    watch: resolved.watch,
    checkIntervalMs: resolved.checkIntervalMs,
    onStale: (stale) => cache.invalidate(stale),
  });

  async function acquire(): Promise<ServiceAccountTokenCredential> {
    const generation = detector.beforeRead();
    const { token, identity } = await readToken(location);
    detector.afterRead();
    const expiresAt = jwtExpiresAt(token);
    expiry.check(expiresAt, identity);
    return credentialOf(token, expiresAt, identity, generation);
  }

  const signer = createCredentialAuth({
    name: PLUGIN_NAME,
    cache,
    // A rotation noticed by the watch or a stat drops the cached token before this request takes it.
    beforeSign: () => detector.check(cache.peek()),
    apply(request, credential) {
      request.headers.set('authorization', `Bearer ${credential.value}`);
      return undefined;
    },
  });

  const close = () => detector.close();
  return {
    ...signer,
    path: location.path,
    close,
    [Symbol.dispose]: close,
  };
}

function credentialOf(
  token: string,
  expiresAt: number | undefined,
  identity: string,
  generation: number,
): ServiceAccountTokenCredential {
  const credential = { expiresAt, identity, generation } as ServiceAccountTokenCredential;
  Object.defineProperty(credential, 'value', { value: token, enumerable: false });
  return Object.freeze(credential);
}
