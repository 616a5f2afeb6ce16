import {
  type AcquireReason,
  AuthError,
  type CredentialAuthPlugin,
  CredentialCache,
  CredentialCooldown,
  createCredentialAuth,
  createTransport,
  invalidOption,
  redactError,
  redactUrl,
  SentSecrets,
} from '@ml-platform/core';
import { DexLoginError, DexSessionErrorCode, PLUGIN_NAME } from './errors.js';
import type { DexLocation } from './login-urls.js';
import { type DexSessionAuthOptions, resolveOptions } from './options.js';
import { cookieHeaderFor, type DexSession } from './session.js';
import { isSessionRejected } from './session-rejection.js';

/**
 * What `dexSessionAuth` returns: an auth plugin that logs in through Dex once, keeps the session
 * cookie, and logs in again when the session expires.
 */
export type DexSessionAuth = CredentialAuthPlugin<DexSession> & {
  /** Login flows run so far (a session read from `sessionFile` is not one). */
  readonly logins: number;
  /** Forgets the session, in memory and in `sessionFile`; the next request logs in again. */
  logout(): Promise<void>;
};

/**
 * Signs requests with a Dex login session: logs in through the gateway
 * (oauth2-proxy or oidc-authservice) and Dex's form with static or LDAP
 * credentials, sends the session cookies to the endpoint's origin, and when
 * the session ends (a 401, or a redirect into the login) logs in once for all
 * concurrent requests and replays each of them.
 *
 * @example
 * const auth = dexSessionAuth({ endpoint: 'https://kubeflow.example.com/pipeline', username, password });
 * const kfp = createKfpV2Client({ baseUrl: 'https://kubeflow.example.com/pipeline', auth });
 */
export function dexSessionAuth(options: DexSessionAuthOptions): DexSessionAuth {
  const config = resolveOptions(options);
  const { endpoint, sessionFile } = config;
  // The exact bytes the login flow sent (the posted form, session cookies), redacted from its errors.
  const sentSecrets = new SentSecrets();
  const send = createTransport({
    fetch: config.fetch,
    proxy: config.proxy,
    tls: config.tls,
    timeoutMs: config.timeoutMs,
    userAgent: `${PLUGIN_NAME}`,
    sentSecrets,
  });
  let dex: DexLocation | undefined;
  let logins = 0;
  const cooldown = new CredentialCooldown({ cooldownMs: config.passwordCooldownMs });
  let machinery: Promise<typeof import('./login-machinery.js')> | undefined;
  const loadMachinery = () => {
    machinery ??= import('./login-machinery.js');
    return machinery;
  };
  const isWrongPassword = (error: unknown) =>
    error instanceof DexLoginError && error.code === DexSessionErrorCode.badCredentials;

  async function suppliedPassword(): Promise<string> {
    if (typeof config.password === 'string') return config.password;
    const supplied = await config.password();
    if (typeof supplied !== 'string' || supplied === '')
      throw invalidOption('password() must return a non-empty string.', PLUGIN_NAME);
    return supplied;
  }

  async function acquire(reason: AcquireReason): Promise<DexSession> {
    const { loadSessionFile, runLoginFlow, saveSessionFile, sessionFor } = await loadMachinery();
    // A saved session is worth trying first, but not once the server has refused the current one.
    if (sessionFile && reason === 'initial') {
      const saved = await loadSessionFile(sessionFile, endpoint);
      if (saved) return saved;
    }
    const password = await suppliedPassword();
    const flow = await cooldown.attempt(
      password,
      () => {
        logins += 1;
        return runLoginFlow({
          endpoint,
          username: config.username,
          password,
          connector: config.connector,
          dexOrigin: config.dexOrigin,
          maxRedirects: config.maxRedirects,
          send,
          log: config.log,
        }).catch((error: unknown) => {
          throw redactError(error, [password, config.username, ...sentSecrets]);
        });
      },
      isWrongPassword,
    );
    dex = flow.dex ?? dex;
    const session = sessionFor(endpoint, flow.jar);
    if (sessionFile && session.value !== '') await saveSessionFile(sessionFile, endpoint, session);
    return session;
  }

  const cache = new CredentialCache<DexSession>({ acquire });
  const plugin = createCredentialAuth<DexSession>({
    name: PLUGIN_NAME,
    cache,
    // Checked before a session is fetched: a request to another origin must not even start a login
    // (acquire() asks for the session itself, for no request).
    beforeSign(request) {
      if (request === undefined) return;
      const url = new URL(request.url);
      if (url.origin !== endpoint.origin) {
        throw new AuthError(
          PLUGIN_NAME,
          DexSessionErrorCode.originMismatch,
          `Refusing to send the session cookie for ${endpoint.origin} to ${redactUrl(url)}: the session belongs to the ` +
            "endpoint's origin only. Use the same scheme, host and port in the client's baseUrl and the plugin's endpoint.",
        );
      }
    },
    apply(request, session) {
      const { headers } = request;
      // A JSON client's Accept: oauth2-proxy then answers a missing session with 401 on every path
      // (its isAjax check) instead of a sign-in page or a redirect.
      if (!headers.has('accept')) headers.set('accept', 'application/json');
      // The plugin owns the Cookie header: a replay starts from the refused request, whose old
      // session cookies (maybe more split parts than the new session has) must not survive.
      const cookie = cookieHeaderFor(session, request.url);
      if (cookie) headers.set('cookie', cookie);
      else headers.delete('cookie');
      // Redirects come back to the plugin: a redirect into the login is an expired session, and
      // fetch must not carry the Cookie header to wherever a redirect points.
      return new Request(request, { redirect: 'manual' });
    },
    isRejected: (response, request) => isSessionRejected(response, request, endpoint, dex),
  });

  return {
    ...plugin,
    get logins() {
      return logins;
    },
    async logout() {
      cache.clear();
      if (sessionFile) await (await loadMachinery()).deleteSessionFile(sessionFile);
    },
  };
}
