/** A connector Dex offers on its chooser page. */
export interface EmulatedConnector {
  /** The id in Dex's config and in its URLs (`/dex/auth/<id>`), e.g. `local`, `ldap`. */
  id: string;
  /** What the chooser shows ("Log in with <name>"). */
  name?: string;
  /**
   * `local` (Dex's static passwords, login prompt "Email Address"), `ldap`
   * (prompt "Username"), or `oauth`: a callback connector (GitHub, Google...)
   * that sends the browser to `authorizeUrl`, an origin no script should follow.
   */
  type?: 'local' | 'ldap' | 'oauth';
  /** For `oauth` connectors: where Dex redirects (the upstream identity provider). */
  authorizeUrl?: string;
}

/** A user one of the password connectors knows. */
export interface EmulatedUser {
  /** What goes in the `login` field: the email for `local`, the uid for `ldap`. */
  login: string;
  password: string;
  email?: string;
  groups?: string[];
  /** The connector that knows this user. Default: every password connector. */
  connector?: string;
  /** An account Dex refuses to finish logging in (Dex's account lockout, `BlockedUntil`). */
  locked?: boolean;
}

export interface DexEmulatorOptions {
  /**
   * What sits in front of the API:
   * - `oauth2-proxy` (Kubeflow 1.9+),
   * - `authservice` (arrikto oidc-authservice, Kubeflow up to 1.8),
   * - `none`: the API answers without any login.
   * Default `oauth2-proxy`.
   */
  gateway?: 'oauth2-proxy' | 'authservice' | 'none';
  /**
   * oauth2-proxy's `skip_provider_button`: `false` (Kubeflow's setting, the
   * default here) shows a sign-in page with HTTP 403; `true` redirects
   * straight to Dex.
   */
  skipProviderButton?: boolean;
  /** oauth2-proxy's `api_routes` (regexes): unauthenticated requests there get 401. Default Kubeflow's. */
  apiRoutes?: string[];
  /** oauth2-proxy's `cookie_name`. Default `_oauth2_proxy` (its own default; Kubeflow uses `oauth2_proxy_kubeflow`). */
  cookieName?: string;
  /**
   * Session lifetime in ms: oauth2-proxy's `cookie_expire` (its default 168 h;
   * Kubeflow sets 24 h) or authservice's `SESSION_MAX_AGE` (default 24 h).
   */
  sessionLifetimeMs?: number;
  /** oauth2-proxy's `cookie_secure`. Default true, as oauth2-proxy's. */
  cookieSecure?: boolean;
  /** oauth2-proxy's `cookie_samesite`. Default none set, as oauth2-proxy's. */
  cookieSameSite?: 'Lax' | 'Strict' | 'None';
  /** Extra bytes of group names in each ID token, to grow oauth2-proxy's session cookie past 4 KB. */
  largeClaimsBytes?: number;
  /** Dex connectors. Default one: `local`. */
  connectors?: EmulatedConnector[];
  /** Dex's `oauth2.alwaysShowLoginScreen`: show the chooser even with one connector. */
  alwaysShowLoginScreen?: boolean;
  /** Show Dex's approval screen (`oauth2.skipApprovalScreen: false`). Default false (Kubeflow skips it). */
  approvalScreen?: boolean;
  /** Status of the re-rendered login form after a wrong password: 401 (Dex >= 2.36, default) or 200 (older Dex). */
  invalidLoginStatus?: 200 | 401;
  /** Users. Default Kubeflow's example user `user@example.com` / `12341234` on every password connector. */
  users?: EmulatedUser[];
  /**
   * Serve Dex under `/dex` on the gateway's own origin with relative redirects,
   * as Kubeflow's manifests do (`login_url = "/dex/auth"`,
   * `redirect_url = "/oauth2/callback"`). Default false: Dex gets its own origin
   * (`localhost` vs the gateway's `127.0.0.1`) so cross-origin leaks are visible.
   */
  dexOnGatewayOrigin?: boolean;
  /** Make Dex's login form post to this URL instead of its own (a tampered or misconfigured page). */
  loginFormAction?: string;
  /** Serve both origins over HTTPS with this key and certificate (for 127.0.0.1 and localhost). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** The path the API is served under on the gateway (KFP behind Kubeflow: `/pipeline`). */
  apiBasePath?: string;
}

/** Kubeflow's example static user (manifests' Dex config). */
export const DEFAULT_DEX_USER = { login: 'user@example.com', password: '12341234' } as const;

/** oauth2-proxy's `api_routes` in Kubeflow's manifests (common/oauth2-proxy/base/oauth2_proxy.cfg). */
export const KUBEFLOW_API_ROUTES = ['/api/', '/apis/', '^/ml_metadata'];

export type ResolvedOptions = Required<
  Omit<DexEmulatorOptions, 'tls' | 'loginFormAction' | 'cookieSameSite' | 'connectors' | 'users'>
> &
  Pick<DexEmulatorOptions, 'tls' | 'loginFormAction' | 'cookieSameSite'> & {
    connectors: (EmulatedConnector & { name: string; type: NonNullable<EmulatedConnector['type']> })[];
    users: EmulatedUser[];
  };

const HOUR_MS = 3_600_000;

export function resolveOptions(options: DexEmulatorOptions): ResolvedOptions {
  const gateway = options.gateway ?? 'oauth2-proxy';
  return {
    gateway,
    skipProviderButton: options.skipProviderButton ?? false,
    apiRoutes: options.apiRoutes ?? KUBEFLOW_API_ROUTES,
    cookieName: options.cookieName ?? '_oauth2_proxy',
    sessionLifetimeMs:
      options.sessionLifetimeMs ?? (gateway === 'authservice' ? 24 * HOUR_MS : 168 * HOUR_MS),
    cookieSecure: options.cookieSecure ?? true,
    cookieSameSite: options.cookieSameSite,
    largeClaimsBytes: options.largeClaimsBytes ?? 0,
    connectors: (options.connectors ?? [{ id: 'local' }]).map((connector) => ({
      ...connector,
      type: connector.type ?? (connector.id === 'ldap' ? 'ldap' : 'local'),
      name: connector.name ?? (connector.id === 'local' ? 'Email' : connector.id.toUpperCase()),
    })),
    alwaysShowLoginScreen: options.alwaysShowLoginScreen ?? false,
    approvalScreen: options.approvalScreen ?? false,
    invalidLoginStatus: options.invalidLoginStatus ?? 401,
    users: options.users ?? [{ ...DEFAULT_DEX_USER, email: DEFAULT_DEX_USER.login }],
    dexOnGatewayOrigin: options.dexOnGatewayOrigin ?? false,
    loginFormAction: options.loginFormAction,
    tls: options.tls,
    apiBasePath: (options.apiBasePath ?? '/pipeline').replace(/\/+$/, ''),
  };
}
