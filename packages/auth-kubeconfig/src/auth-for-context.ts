import {
  type AuthPlugin,
  type CredentialAuthPlugin,
  CredentialCache,
  createCredentialAuth,
} from '@ml-platform/core';
import { type BearerCredential, bearerCredential } from './credentials/bearer-credential.js';
import { readTokenFile, tokenFileIdentity } from './credentials/token-file.js';
import { KubeconfigAuthError, KubeconfigAuthErrorCode, PLUGIN_NAME } from './errors.js';
import type { ResolvedKubeconfig } from './load/resolved-kubeconfig.js';
import type { ResolvedAuthOptions } from './options.js';
import { type KubeconfigTls, tlsFor } from './tls-for.js';

/** Where the plugin's bearer token comes from, in client-go's order of precedence. */
export type CredentialSource = 'tokenFile' | 'token' | 'exec' | 'none';

/**
 * What `kubeconfigAuth` returns: an auth plugin signing requests as the kubeconfig's user, with the
 * context, user and server it resolved.
 */
export type KubeconfigAuth = AuthPlugin & {
  /** The context in use. */
  readonly context: string;
  /** The context's `namespace`, when it sets one (what `kubectl` would use without `-n`). */
  readonly namespace: string | undefined;
  /** The kubeconfig user whose credentials sign requests. */
  readonly user: string;
  /** The cluster's `server`, without a trailing slash. */
  readonly server: string;
  /** Where the bearer token comes from; `none` for a user with only a client certificate (or nothing). */
  readonly credentialSource: CredentialSource;
  /**
   * The TLS options of this cluster and user, to pass as the client's `tls`:
   * the cluster's CA (or `insecureSkipVerify` when the kubeconfig says so) and
   * the user's client certificate and key. Undefined when the system's CAs
   * apply and there is no client certificate.
   */
  readonly tls: KubeconfigTls | undefined;
  /**
   * The cluster's `proxy-url`, to pass as the client's `proxy`; undefined when
   * the kubeconfig sets none (then, as with kubectl, HTTPS_PROXY/NO_PROXY apply).
   */
  readonly proxy: string | undefined;
  /** The credential cache behind the bearer token (acquisition count, explicit reset); undefined for `none`. */
  readonly cache: CredentialAuthPlugin<BearerCredential>['cache'] | undefined;
};

/** The plugin for an already loaded context (shared with `kubeServiceProxy`). */
export function authFor(config: ResolvedKubeconfig, options: ResolvedAuthOptions): KubeconfigAuth {
  const { user, cluster } = config;
  const describe = {
    context: config.context,
    namespace: config.namespace,
    user: user.name,
    server: cluster.server,
    tls: tlsFor(config),
    proxy: cluster.proxyUrl,
  };
  const source: CredentialSource = user.tokenFile
    ? 'tokenFile'
    : user.token
      ? 'token'
      : user.exec
        ? 'exec'
        : 'none';
  if (source === 'none') {
    return {
      name: PLUGIN_NAME,
      ...describe,
      credentialSource: source,
      cache: undefined,
      onRequest: () => undefined,
    };
  }

  const acquire = async (
    _reason: unknown,
    previous: BearerCredential | undefined,
  ): Promise<BearerCredential> => {
    if (user.tokenFile) {
      const { token, identity } = await readTokenFile(user.tokenFile, user.name, user.file);
      return bearerCredential(token, { fileIdentity: identity });
    }
    if (user.token) return bearerCredential(user.token, {});
    const exec = user.exec!;
    // Loaded when a plugin first runs: a token or certificate user never loads the child-process machinery.
    const { runExecPlugin } = await import('./credentials/run-exec-plugin.js');
    const result = await runExecPlugin({
      exec,
      user: user.name,
      clusterInfo: cluster.execInfo,
      env: options.env,
      timeoutMs: options.execTimeoutMs,
      stdinIsTerminal: process.stdin.isTTY === true,
      previousToken: previous?.value,
    });
    const receivedAt = Date.now();
    if (result.expiresAt !== undefined && result.expiresAt <= receivedAt) {
      throw new KubeconfigAuthError(
        KubeconfigAuthErrorCode.execInvalidOutput,
        user.name,
        `The exec plugin ${exec.command} of kubeconfig user "${user.name}" returned a credential that expired at ` +
          `${new Date(result.expiresAt).toISOString()}, before it arrived; check this machine's clock. The request was not sent.`,
      );
    }
    return bearerCredential(result.token, { expiresAt: result.expiresAt });
  };

  // Core's cache stops using a credential clockSkewMs before its expiry, capped at an eighth of the lifetime it
  // arrived with, so a short-lived one is not re-made on every request. No refresh-ahead window of our own (an exec
  // plugin may prompt): core still opens one for a credential shorter-lived than 8 x clockSkewMs, whose
  // refresh-ahead cap (a quarter of the lifetime) then exceeds the skew's.
  const cache = new CredentialCache<BearerCredential>({
    acquire,
    skewMs: options.clockSkewMs,
    refreshAheadMs: 0,
  });
  const signer = createCredentialAuth({
    name: PLUGIN_NAME,
    cache,
    apply(request, credential) {
      request.headers.set('authorization', `Bearer ${credential.value}`);
      return undefined;
    },
  });

  const tokenFile = user.tokenFile;
  /** A token file is re-read when it was replaced or rewritten since it was read (one stat per request). */
  const forgetRewrittenTokenFile = async () => {
    const current = cache.peek();
    if (tokenFile && current && (await tokenFileIdentity(tokenFile)) !== current.fileIdentity) {
      cache.invalidate(current);
    }
  };
  return {
    name: PLUGIN_NAME,
    ...describe,
    credentialSource: source,
    cache,
    diagnostics: () => signer.diagnostics(),
    async acquire(acquireOptions) {
      await forgetRewrittenTokenFile();
      return signer.acquire(acquireOptions);
    },
    async onRequest(params) {
      // kubectl sends no credential over plain HTTP (a kubectl proxy, or a misconfigured server): client-go's
      // DirectClientConfig adds the user's credentials for TLS connections only (kubernetes/kubectl issue 744).
      // Neither do we, and the exec plugin is not even run for such a request.
      if (isPlainHttp(params.request)) return undefined;
      await forgetRewrittenTokenFile();
      return signer.onRequest?.(params);
    },
    onResponse(params) {
      if (isPlainHttp(params.request)) return undefined;
      return signer.onResponse?.(params);
    },
  };
}

function isPlainHttp(request: Request): boolean {
  return request.url.startsWith('http:');
}
