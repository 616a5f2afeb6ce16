import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  checkCooldownMs,
  checkOptions,
  checkTimeoutMs,
  type FetchFunction,
  invalidOption,
  requireHttpUrl,
  type TlsOptions,
} from '@ml-platform/core';
import { PLUGIN_NAME } from './errors.js';

/** The options of `dexSessionAuth`: where to log in, the credentials, and where to keep the session. */
export interface DexSessionAuthOptions {
  /**
   * A URL behind the gateway, on the origin the API is served from: the
   * client's `baseUrl` works (`https://kubeflow.example.com/pipeline`). The
   * login starts by opening it; the session cookie is sent to its origin only.
   */
  endpoint: string;
  /** The `login` field of Dex's form: the email for static passwords, the uid for LDAP. */
  username: string;
  /**
   * The password, or a function that supplies it, called only when a login
   * has to run (no valid saved session): a CLI asks for it then, not on
   * every command.
   */
  password: string | (() => string | Promise<string>);
  /** The Dex connector to log in with, e.g. `local` (static passwords) or `ldap`. Default `local`. */
  connector?: string | undefined;
  /**
   * Dex's URL, when it is on another origin than the endpoint. Pins the one
   * origin (besides the endpoint's) the login may visit and post the
   * credentials to. Default: the origin the gateway first redirects to.
   */
  dexUrl?: string | undefined;
  /** Custom CA or explicitly disabled verification; applies to the login flow. Pass the same to the client. */
  tls?: TlsOptions | undefined;
  /** Abort each request of the login flow after this many milliseconds. */
  timeoutMs?: number | undefined;
  /**
   * Keep the session cookies in this file so the next run of a CLI reuses
   * them instead of logging in again. Written atomically, mode 0600 (missing
   * directories 0700); a file others can read or write is refused with
   * AUTH_DEX_SESSION_FILE naming its mode, never read.
   */
  sessionFile?: string | undefined;
  /** Requests the login flow may make before giving up. Default 20. */
  maxRedirects?: number | undefined;
  /**
   * After Dex refused the username and password, do not post them again for
   * this long (ms): every call in that window fails at once with the same
   * AUTH_DEX_BAD_CREDENTIALS error, so a retry loop cannot lock an LDAP
   * account. `0` turns it off. Default 60000.
   */
  passwordCooldownMs?: number | undefined;
  /** The fetch the login flow sends with (tests, instrumentation). When given, `tls` is not applied. */
  fetch?: FetchFunction | undefined;
  /**
   * A forward proxy for the login flow, `http://[user:password@]host:port`, or `false` for
   * none. Left out: `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` decide. Pass the same to the client.
   */
  proxy?: string | URL | false | undefined;
  /** Receives one line per request of the login flow (method, redacted URL, status); never a secret. */
  log?: ((line: string) => void) | undefined;
}

export interface ResolvedOptions {
  endpoint: URL;
  username: string;
  password: string | (() => string | Promise<string>);
  connector: string;
  dexOrigin: string | undefined;
  tls: TlsOptions | undefined;
  timeoutMs: number | undefined;
  sessionFile: string | undefined;
  maxRedirects: number;
  passwordCooldownMs: number;
  fetch: FetchFunction | undefined;
  proxy: string | URL | false | undefined;
  log: ((line: string) => void) | undefined;
}

const invalid = (message: string) => invalidOption(message, PLUGIN_NAME);

const KNOWN_OPTIONS = [
  'endpoint',
  'username',
  'password',
  'connector',
  'dexUrl',
  'tls',
  'timeoutMs',
  'sessionFile',
  'maxRedirects',
  'passwordCooldownMs',
  'fetch',
  // The transport work's proxy option, merged beside this list.
  'proxy',
  'log',
] as const satisfies readonly (keyof DexSessionAuthOptions)[];

function httpUrl(name: string, value: unknown, example: string): URL {
  return requireHttpUrl(name, value, { example, plugin: PLUGIN_NAME });
}

function nonEmptyString(name: string, value: unknown, hint: string): string {
  // The value itself is never echoed: it may be a credential.
  if (typeof value !== 'string' || value === '') throw invalid(`${name} must be a non-empty string${hint}.`);
  return value;
}

/** Checks every option up front, so a misconfiguration fails at construction, not at the first request. */
export function resolveOptions(options: DexSessionAuthOptions): ResolvedOptions {
  checkOptions(options, KNOWN_OPTIONS, {
    plugin: PLUGIN_NAME,
    example: "{ endpoint: 'https://kubeflow.example.com/pipeline', username, password }",
  });
  const endpoint = httpUrl('endpoint', options.endpoint, 'https://kubeflow.example.com/pipeline');
  endpoint.hash = '';
  const username = nonEmptyString('username', options.username, ' (the email or LDAP uid Dex asks for)');
  const password =
    typeof options.password === 'function'
      ? options.password
      : nonEmptyString('password', options.password, ' or a function that returns one');
  const connector = nonEmptyString('connector', options.connector ?? 'local', ' such as "local" or "ldap"');
  if (connector.includes('/'))
    throw invalid('connector must be a Dex connector id such as "local" or "ldap", without "/".');
  const dexOrigin =
    options.dexUrl === undefined
      ? undefined
      : httpUrl('dexUrl', options.dexUrl, 'https://kubeflow.example.com/dex').origin;
  if (options.tls !== undefined && (typeof options.tls !== 'object' || options.tls === null)) {
    throw invalid('tls must be an object such as { ca } or { insecureSkipVerify: true }.');
  }
  if (
    options.sessionFile !== undefined &&
    (typeof options.sessionFile !== 'string' || options.sessionFile.trim() === '')
  ) {
    throw invalid('sessionFile must be a non-empty path, e.g. ~/.config/kfp/session.json.');
  }
  checkTimeoutMs(options.timeoutMs, PLUGIN_NAME);
  const maxRedirects = options.maxRedirects ?? 20;
  if (!Number.isInteger(maxRedirects) || maxRedirects < 1) {
    throw invalid(`maxRedirects must be a positive integer, got ${String(options.maxRedirects)}.`);
  }
  for (const name of ['fetch', 'log'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function')
      throw invalid(`${name} must be a function.`);
  }
  return {
    endpoint,
    username,
    password,
    connector,
    dexOrigin,
    tls: options.tls,
    timeoutMs: options.timeoutMs,
    sessionFile: options.sessionFile === undefined ? undefined : expandHome(options.sessionFile.trim()),
    maxRedirects,
    passwordCooldownMs: checkCooldownMs(options.passwordCooldownMs, 'passwordCooldownMs', PLUGIN_NAME),
    fetch: options.fetch,
    proxy: options.proxy,
    log: options.log,
  };
}

/** `~/...` as a shell would expand it: CLIs pass such paths straight from their config. */
function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : resolve(path);
}
