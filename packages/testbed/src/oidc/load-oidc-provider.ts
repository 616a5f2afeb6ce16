/**
 * oidc-provider warns on stderr when it loads on Node 20 (end of life, still
 * supported here) and when it uses its in-memory store: true, and expected for
 * a throwaway provider on 127.0.0.1, but noise in every test run and alarming
 * in a newcomer's first demo. It is loaded on first use, and only those lines
 * are dropped, only while it loads and while a provider is constructed.
 */
type OidcProviderModule = typeof import('oidc-provider');

let loading: Promise<OidcProviderModule> | undefined;

export function loadOidcProvider(): Promise<OidcProviderModule> {
  loading ??= withoutOidcProviderWarnings(() => import('oidc-provider'));
  return loading;
}

export function withoutOidcProviderWarnings<T>(action: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING')) return;
    warn(...args);
  };
  const restore = () => {
    console.warn = warn;
  };
  try {
    const result = action();
    if (result instanceof Promise) return result.finally(restore) as T;
    restore();
    return result;
  } catch (error) {
    restore();
    throw error;
  }
}
