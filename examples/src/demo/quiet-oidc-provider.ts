/**
 * oidc-provider warns on stderr when it loads on Node 20 and when it uses its
 * in-memory store: true, and expected for a throwaway local provider, but
 * alarming in a newcomer's first run. Only those lines are dropped, and only
 * while `start` runs.
 */
export async function withoutOidcProviderWarnings<T>(start: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING')) return;
    warn(...args);
  };
  try {
    return await start();
  } finally {
    console.warn = warn;
  }
}
