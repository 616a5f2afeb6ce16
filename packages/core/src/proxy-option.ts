import { redactUrl } from './redact.js';
import { invalidOption } from './validate/invalid-option.js';

/**
 * Where requests go: straight to the server, through one proxy, or as the
 * `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` variables say (read by undici's
 * `EnvHttpProxyAgent`, lower case first, as curl does).
 */
export type ProxyRoute = { kind: 'direct' } | { kind: 'proxy'; url: string } | { kind: 'environment' };

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

/**
 * The environment without naming Node's `process` global, so this module stays
 * loadable in browsers (where there is no environment and so no proxy).
 */
function environmentVariable(name: string): string | undefined {
  const holder = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return holder.process?.env?.[name];
}

/** True when any proxy variable is set (NO_PROXY alone routes nothing through a proxy). */
export function proxyVariablesSet(): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(environmentVariable(name)?.trim()));
}

/**
 * Resolves the `proxy` option: a URL (`http://[user:pass@]host:port`, or
 * `https://` for a proxy spoken to over TLS), `false` for no proxy whatever the
 * environment says, or left out for the environment's proxy variables.
 */
export function resolveProxy(proxy: unknown): ProxyRoute {
  if (proxy === false) return { kind: 'direct' };
  if (proxy === undefined) return proxyVariablesSet() ? { kind: 'environment' } : { kind: 'direct' };
  const example = 'e.g. proxy: "http://proxy.example.com:3128", or false to ignore HTTPS_PROXY/HTTP_PROXY';
  if (typeof proxy !== 'string' && !(proxy instanceof URL)) {
    throw invalidOption(`proxy must be a proxy URL or false, got ${typeof proxy} (${example}).`);
  }
  let url: URL;
  try {
    url = new URL(String(proxy));
  } catch {
    // An unparseable value may still hold a password: show none of it.
    throw invalidOption(`proxy is not a valid URL (${example}).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    // Without a host, "user:password@proxy" parsed as scheme "user:": name nothing of it.
    const shown = url.host
      ? ` ${redactUrl(url)} uses ${url.protocol.replace(':', '')};`
      : ' has no http:// or https:// scheme;';
    throw invalidOption(`proxy${shown} expected an http:// or https:// proxy URL (${example}).`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw invalidOption(`proxy ${redactUrl(url)} must be just scheme, host and port, with no path or query.`);
  }
  return { kind: 'proxy', url: url.href };
}

/** The proxy as it may appear in a message: no user info. */
export function describeProxy(route: ProxyRoute): string | undefined {
  if (route.kind === 'proxy') return redactUrl(route.url);
  if (route.kind === 'environment') return 'the proxy from HTTPS_PROXY/HTTP_PROXY';
  return undefined;
}
