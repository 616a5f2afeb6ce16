import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { DEVICE_SUCCESS_TEXT, devicePages } from './device-pages.js';
import { handleInteraction, INTERACTION_PATH } from './interactions.js';
import { loadOidcProvider, withoutOidcProviderWarnings } from './load-oidc-provider.js';
import { registerPasswordGrant } from './password-grant.js';
import { createSigningKey, verifyRs256Jwt } from './signing-key.js';
import { type BrowserAnswer, TestBrowser } from './test-browser.js';
import { clientRegistrations, createTestClients, type TestClients } from './test-clients.js';
import { claimsOf, findTestUser, TEST_USERS } from './test-users.js';

export interface OidcProviderOptions {
  /** Lifetime of access tokens (also client-credentials tokens), seconds. Default 3600. */
  accessTokenTtlSeconds?: number;
  /** Lifetime of ID tokens, seconds. Default 3600. */
  idTokenTtlSeconds?: number;
  /** Lifetime of refresh tokens, seconds. Default 86400. */
  refreshTokenTtlSeconds?: number;
  /**
   * The `interval` the device authorization endpoint announces, seconds. Default 1,
   * so device-flow tests do not wait the RFC 8628 default of 5 s per poll.
   */
  devicePollIntervalSeconds?: number;
  /** How many extra `client_credentials` clients to register (`clients.machines`). Default 0. */
  machineClients?: number;
  /**
   * The client secret methods the provider advertises (and registers its
   * confidential clients with). Default both, Basic first.
   */
  clientAuthMethods?: ReadonlyArray<'client_secret_basic' | 'client_secret_post'>;
  /** Serve over HTTPS with this key and certificate (e.g. from `createTestCertificates()`). */
  tls?: { key: string; cert: string };
}

/** One call to the token endpoint, as the provider saw it. Never holds a secret. */
export interface TokenRequestRecord {
  readonly grantType: string;
  readonly clientId: string | undefined;
  /** The OAuth error code the provider answered with, when it refused. */
  readonly error?: string;
}

/** What `verifyToken` learned about a token the provider issued. */
export interface VerifiedToken {
  readonly kind: 'id_token' | 'access_token';
  /** The user (`sub`), or the client for client-credentials tokens. */
  readonly subject: string;
  /** The client the token was issued to (an ID token's `aud`). */
  readonly clientId: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

export interface OidcTestProvider {
  /** `http(s)://127.0.0.1:<port>`: what clients discover from. */
  readonly issuer: string;
  readonly clients: TestClients;
  readonly users: typeof TEST_USERS;
  /** Every token-endpoint call so far, in order (grant type, client, error code). */
  readonly tokenRequests: readonly TokenRequestRecord[];
  /** Errors the provider hit while serving (an empty list in a healthy test). */
  readonly serverErrors: readonly Error[];
  /** How many token-endpoint calls used `grantType` (all when left out) and, optionally, succeeded. */
  countTokenRequests(grantType?: string, outcome?: 'ok' | 'error'): number;
  /**
   * Plays the user's browser for an authorization URL: logs in as `answer`
   * (default alice), consents, and returns the redirect to the client's
   * `redirect_uri` (code, state, iss) without visiting it.
   */
  completeAuthorization(authorizationUrl: string | URL, answer?: BrowserAnswer): Promise<URL>;
  /** Plays the user on the device verification page: enters `userCode`, confirms and logs in. */
  approveDevice(userCode: string, answer?: BrowserAnswer): Promise<void>;
  /** Revokes every refresh token issued so far (a user signing out everywhere); returns how many. */
  revokeRefreshTokens(): Promise<number>;
  /**
   * Checks a token the way a resource server would: an ID token by its RS256
   * signature, issuer and expiry; an access token by asking the provider's store.
   */
  verifyToken(token: string): Promise<VerifiedToken | undefined>;
  stop(): Promise<void>;
}

const SCOPES = ['openid', 'offline_access', 'email', 'profile', 'groups'];
const DEVICE_AUTHORIZATION_PATH = '/device/auth';

/**
 * Starts oidc-provider (a certified OpenID Provider) on 127.0.0.1 and a free
 * port, with a client for every flow (see {@link TestClients}), the users in
 * `TEST_USERS`, a `password` grant, device flow, revocation, PKCE required for
 * every authorization request, and ID tokens that carry the scoped claims
 * (email, groups) the way Dex and Keycloak issue them.
 */
export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<OidcTestProvider> {
  const secretMethods = options.clientAuthMethods ?? ['client_secret_basic', 'client_secret_post'];
  const clients = createTestClients(options.machineClients ?? 0, secretMethods[0] ?? 'client_secret_basic');
  const key = createSigningKey();
  const tokenRequests: TokenRequestRecord[] = [];
  const serverErrors: Error[] = [];
  const liveRefreshTokens = new Set<{ jti: string; destroy(): Promise<void> }>();
  let provider: Provider | undefined;

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (!provider) {
      response.writeHead(503).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (INTERACTION_PATH.test(path)) {
      handleInteraction(provider, request, response).catch((error: unknown) => {
        serverErrors.push(error as Error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
      return;
    }
    void provider.callback()(request, response);
  };
  const server = options.tls ? createHttpsServer(options.tls, handle) : createHttpServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  const accessTtl = options.accessTokenTtlSeconds ?? 3600;
  const refreshTtl = options.refreshTokenTtlSeconds ?? 86_400;
  const configuration: Configuration = {
    clients: clientRegistrations(clients),
    clientAuthMethods: ['none', ...secretMethods],
    jwks: { keys: [key.privateJwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount: (_ctx, sub) => {
      const user = findTestUser(sub);
      return user ? { accountId: user.username, claims: () => claimsOf(user) } : undefined;
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
      groups: ['groups'],
    },
    scopes: SCOPES,
    // Scoped claims (email, groups) go into the ID token: Kubeflow's gateway reads the user from there.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: { enabled: true, ...devicePages },
      revocation: { enabled: true },
    },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: accessTtl,
      ClientCredentials: accessTtl,
      IdToken: options.idTokenTtlSeconds ?? 3600,
      RefreshToken: refreshTtl,
      AuthorizationCode: 60,
      DeviceCode: 600,
      Interaction: 600,
      Session: 3600,
      Grant: refreshTtl + 3600,
    },
  };
  const { default: OidcProvider, errors } = await loadOidcProvider();
  provider = withoutOidcProviderWarnings(() => new OidcProvider(issuer, configuration));
  registerPasswordGrant(provider, new Set(SCOPES), errors);

  const interval = options.devicePollIntervalSeconds ?? 1;
  provider.use(async (ctx, next) => {
    await next();
    if (
      ctx.path === DEVICE_AUTHORIZATION_PATH &&
      ctx.status === 200 &&
      ctx.body &&
      typeof ctx.body === 'object'
    ) {
      (ctx.body as Record<string, unknown>).interval = interval;
    }
  });
  const record = (ctx: KoaContextWithOIDC, error?: string) => {
    tokenRequests.push({
      grantType: String(ctx.oidc.params?.grant_type ?? ''),
      clientId: ctx.oidc.client?.clientId,
      ...(error ? { error } : {}),
    });
  };
  provider.on('grant.success', (ctx) => record(ctx));
  provider.on('grant.error', (ctx, error) => record(ctx, error.error ?? 'server_error'));
  provider.on('server_error', (_ctx, error) => serverErrors.push(error));
  provider.on('refresh_token.saved', (token) => liveRefreshTokens.add(token));
  provider.on('refresh_token.destroyed', (token) => liveRefreshTokens.delete(token));

  const live = provider;
  return {
    issuer,
    clients,
    users: TEST_USERS,
    tokenRequests,
    serverErrors,
    countTokenRequests(grantType, outcome) {
      return tokenRequests.filter(
        (entry) =>
          (grantType === undefined || entry.grantType === grantType) &&
          (outcome === undefined || (outcome === 'ok') === (entry.error === undefined)),
      ).length;
    },
    async completeAuthorization(authorizationUrl, answer = TEST_USERS.alice) {
      const { redirect, page } = await new TestBrowser(issuer).run(new URL(authorizationUrl), answer);
      if (!redirect)
        throw new Error(`The login ended on a page instead of a redirect: ${page?.slice(0, 300)}`);
      return redirect;
    },
    async approveDevice(userCode, answer = TEST_USERS.alice) {
      const start = new URL('/device', issuer);
      start.searchParams.set('user_code', userCode);
      const { page } = await new TestBrowser(issuer).run(start, answer);
      if (!page?.includes(DEVICE_SUCCESS_TEXT)) {
        throw new Error(`The device approval did not succeed: ${page?.slice(0, 300)}`);
      }
    },
    async revokeRefreshTokens() {
      const tokens = [...liveRefreshTokens];
      liveRefreshTokens.clear();
      await Promise.all(tokens.map((token) => token.destroy()));
      return tokens.length;
    },
    async verifyToken(token) {
      if (token.split('.').length === 3) {
        const jwt = verifyRs256Jwt(token, key.publicKey);
        const claims = jwt?.payload;
        if (!claims || claims.iss !== issuer) return undefined;
        if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return undefined;
        return { kind: 'id_token', subject: String(claims.sub), clientId: String(claims.aud), claims };
      }
      const stored = (await live.AccessToken.find(token)) ?? (await live.ClientCredentials.find(token));
      if (!stored || stored.isExpired) return undefined;
      const clientId = String(stored.clientId);
      const subject = 'accountId' in stored && stored.accountId ? String(stored.accountId) : clientId;
      return { kind: 'access_token', subject, clientId, claims: { scope: stored.scope } };
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
