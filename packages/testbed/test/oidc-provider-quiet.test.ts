/**
 * oidc-provider's start-up warnings (Node 20 "Unsupported runtime", its
 * in-memory store) are expected for a throwaway provider and are dropped;
 * any other warning still reaches the console.
 */
import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

it('starts the provider without printing its start-up warnings, and keeps other warnings', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // Imported here, under the spy: loading oidc-provider is what prints the Node 20 warning.
  const { startOidcProvider } = await import('@ml-platform/testbed/oidc/index');
  const provider = await startOidcProvider();
  try {
    console.warn('a warning of our own');
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual(['a warning of our own']);
  } finally {
    await provider.stop();
  }
});
