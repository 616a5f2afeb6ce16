import {
  checkCooldownMs,
  checkOptions,
  checkTimeoutMs,
  invalidOption,
  requireHttpUrl,
  SentSecrets,
} from '@ml-platform/core';
import { DEPLOYKF_DEFAULTS, defaultTokenCachePath } from './defaults.js';
import { PLUGIN_NAME } from './errors.js';
import type { OidcAuthOptions, OidcFlow, ResolvedOptions } from './options.js';

const configError = (message: string) => invalidOption(message, PLUGIN_NAME);

const KNOWN_OPTIONS = [
  'issuer',
  'flow',
  'clientId',
  'clientSecret',
  'clientAuthMethod',
  'scope',
  'tokenType',
  'resource',
  'username',
  'password',
  'passwordCooldownMs',
  'redirect',
  'redirectUri',
  'loopbackPort',
  'prompt',
  'interactive',
  'loginTimeoutMs',
  'tokenCache',
  'allowHttpIssuer',
  'tls',
  'timeoutMs',
  'fetch',
  // The transport work's proxy option, merged beside this list.
  'proxy',
  'skewMs',
  'refreshAheadMs',
  'now',
  'onWarning',
] as const satisfies readonly (keyof OidcAuthOptions)[];

const FLOWS: readonly OidcFlow[] = ['client_credentials', 'password', 'authorization_code', 'device_code'];
const INTERACTIVE_FLOWS: ReadonlySet<OidcFlow> = new Set(['authorization_code', 'device_code']);
const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

function optionalString(options: OidcAuthOptions, name: keyof OidcAuthOptions): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw configError(
      `${name} must be a non-empty string when given, got ${value === '' ? 'an empty string' : typeof value}.`,
    );
  }
  return value;
}

function optionalDuration(
  options: OidcAuthOptions,
  name: keyof OidcAuthOptions,
  fallback: number,
  min = 0,
): number {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw configError(`${name} must be a number of milliseconds >= ${min}, got ${String(value)}.`);
  }
  return value;
}

function oneOf<T extends string>(
  options: OidcAuthOptions,
  name: keyof OidcAuthOptions,
  allowed: readonly T[],
): T | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) {
    throw configError(
      `${name} must be one of ${allowed.map((item) => `'${item}'`).join(', ')}, got ${JSON.stringify(value)}.`,
    );
  }
  return value as T;
}

function parseIssuer(options: OidcAuthOptions): { issuer: URL; insecure: boolean } {
  const text = optionalString(options, 'issuer');
  if (text === undefined) {
    throw configError(
      'issuer is required: the OpenID Provider URL, e.g. https://kubeflow.example.com/dex (deployKF) or ' +
        'https://keycloak.example.com/realms/<realm>.',
    );
  }
  const issuer = requireHttpUrl('issuer', text, {
    example: 'https://kubeflow.example.com/dex',
    plugin: PLUGIN_NAME,
    noQuery: true,
  });
  const insecure = issuer.protocol === 'http:';
  if (insecure && !LOOPBACK_HOSTS.test(issuer.hostname) && options.allowHttpIssuer !== true) {
    throw configError(
      `issuer ${issuer.origin} uses http:// on a non-loopback host: tokens and secrets would cross the network ` +
        'in clear text. Use https://, or set allowHttpIssuer: true for a trusted development network.',
    );
  }
  return { issuer, insecure };
}

/** Checks every option up front (Octokit style) and fills in the defaults. */
export function resolveOptions(options: OidcAuthOptions): ResolvedOptions {
  checkOptions(options, KNOWN_OPTIONS, {
    plugin: PLUGIN_NAME,
    example: "{ issuer: 'https://kubeflow.example.com/dex', flow: 'authorization_code' }",
  });
  const { issuer, insecure } = parseIssuer(options);
  const flow = oneOf(options, 'flow', FLOWS);
  if (!flow) throw configError(`flow is required: one of ${FLOWS.map((item) => `'${item}'`).join(', ')}.`);
  const interactiveFlow = INTERACTIVE_FLOWS.has(flow);

  const clientSecret = optionalString(options, 'clientSecret');
  const clientAuthMethod = oneOf(options, 'clientAuthMethod', [
    'client_secret_basic',
    'client_secret_post',
    'none',
  ] as const);
  if (clientAuthMethod === 'none' && clientSecret !== undefined) {
    throw configError(
      "clientAuthMethod 'none' is for public clients: leave clientSecret out, or pick a secret method.",
    );
  }
  if (clientAuthMethod && clientAuthMethod !== 'none' && clientSecret === undefined) {
    throw configError(`clientAuthMethod '${clientAuthMethod}' needs clientSecret.`);
  }
  const clientId =
    optionalString(options, 'clientId') ?? (interactiveFlow ? DEPLOYKF_DEFAULTS.clientId : undefined);
  if (clientId === undefined) {
    throw configError(`clientId is required for flow '${flow}' (the client registered at the provider).`);
  }
  if (flow === 'client_credentials' && clientSecret === undefined) {
    throw configError("flow 'client_credentials' needs clientSecret: only confidential clients can use it.");
  }

  const username = optionalString(options, 'username');
  const password = optionalString(options, 'password');
  if (flow === 'password' && (username === undefined || password === undefined)) {
    throw configError("flow 'password' needs username and password.");
  }

  const scope =
    optionalString(options, 'scope') ?? (flow === 'client_credentials' ? undefined : DEPLOYKF_DEFAULTS.scope);
  const resource = options.resource === undefined ? [] : [options.resource].flat();
  for (const item of resource) {
    if (typeof item !== 'string' || !URL.canParse(item)) {
      throw configError(`resource must be an absolute URI (RFC 8707), got ${JSON.stringify(item)}.`);
    }
  }

  const redirect = oneOf(options, 'redirect', ['out-of-band', 'loopback'] as const) ?? 'out-of-band';
  const redirectUri = optionalString(options, 'redirectUri') ?? DEPLOYKF_DEFAULTS.redirectUri;
  if (redirect === 'loopback' && options.redirectUri !== undefined) {
    throw configError(
      "redirectUri is for redirect 'out-of-band'; the loopback redirect is http://127.0.0.1:<loopbackPort>/callback.",
    );
  }
  const loopbackPort = optionalDuration(options, 'loopbackPort', 0);
  if (!Number.isInteger(loopbackPort) || loopbackPort > 65_535) {
    throw configError(`loopbackPort must be an integer port (0 for any free port), got ${loopbackPort}.`);
  }

  const prompt = options.prompt;
  if (
    prompt !== undefined &&
    (typeof prompt !== 'object' ||
      prompt === null ||
      typeof prompt.showAuthorizationUrl !== 'function' ||
      typeof prompt.readAuthorizationCode !== 'function' ||
      typeof prompt.showDeviceCode !== 'function')
  ) {
    throw configError(
      'prompt must have showAuthorizationUrl, readAuthorizationCode and showDeviceCode functions.',
    );
  }
  for (const name of ['interactive', 'allowHttpIssuer'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'boolean') {
      throw configError(`${name} must be true or false, got ${typeof options[name]}.`);
    }
  }

  const tokenCache = options.tokenCache ?? interactiveFlow;
  let tokenCachePath: string | undefined;
  if (tokenCache === true) tokenCachePath = defaultTokenCachePath();
  else if (
    typeof tokenCache === 'object' &&
    tokenCache !== null &&
    typeof tokenCache.path === 'string' &&
    tokenCache.path
  ) {
    tokenCachePath = tokenCache.path;
  } else if (tokenCache !== false) {
    throw configError('tokenCache must be true, false or { path: string }.');
  }

  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw configError('fetch must be a function (request: Request) => Promise<Response>.');
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw configError('now must be a function returning epoch milliseconds.');
  }
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') {
    throw configError('onWarning must be a function.');
  }
  checkTimeoutMs(options.timeoutMs, PLUGIN_NAME);
  checkTimeoutMs(options.loginTimeoutMs, PLUGIN_NAME, 'loginTimeoutMs');
  const skewMs = optionalDuration(options, 'skewMs', 30_000);
  const refreshAheadMs = optionalDuration(options, 'refreshAheadMs', 60_000);

  return {
    issuer,
    issuerText: options.issuer,
    allowInsecureRequests: insecure,
    flow,
    interactiveFlow,
    clientId,
    clientSecret,
    clientAuthMethod,
    scope,
    tokenType: oneOf(options, 'tokenType', ['id_token', 'access_token'] as const) ?? 'id_token',
    resource,
    username,
    password,
    passwordCooldownMs: checkCooldownMs(options.passwordCooldownMs, 'passwordCooldownMs', PLUGIN_NAME),
    redirect,
    redirectUri,
    loopbackPort,
    prompt,
    interactive: options.interactive ?? true,
    loginTimeoutMs: optionalDuration(options, 'loginTimeoutMs', 300_000, 1),
    tokenCachePath,
    tls: options.tls,
    timeoutMs: optionalDuration(options, 'timeoutMs', 30_000, 1),
    fetch: options.fetch,
    proxy: options.proxy,
    skewMs,
    refreshAheadMs: Math.max(refreshAheadMs, skewMs),
    now: options.now ?? Date.now,
    onWarning: options.onWarning,
    sentSecrets: new SentSecrets(),
  };
}
