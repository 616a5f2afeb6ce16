// A plugin built the way every real plugin is: core's createCredentialAuth over
// a CredentialCache whose `acquire` POSTs to a token endpoint (the bench API
// server's /token, which answers after a few ms). It measures the shared
// machinery (single-flight, expiry check, replay bookkeeping) on its own, and
// counts acquisitions on the server's side, not with the cache's own counter.
import { CredentialCache, createCredentialAuth } from '@ml-platform/core';

/** @type {import('./scenario.mjs').AuthScenario} */
export const tokenEndpointScenario = {
  id: 'core-credential-cache',
  label: 'token endpoint (core createCredentialAuth + CredentialCache)',
  acquisitionUnit: 'token fetch',
  async setup({ api }) {
    const tokenUrl = `${api.url}/token`;
    const acquire = async () => {
      const response = await fetch(tokenUrl, { method: 'POST' });
      if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
      const { access_token: value, expires_in: expiresIn } = await response.json();
      return { value, expiresAt: Date.now() + expiresIn * 1000 };
    };
    return {
      async createPlugin() {
        const tokensBefore = (await api.stats()).tokens;
        const plugin = createCredentialAuth({
          name: 'bench-token-endpoint',
          cache: new CredentialCache({ acquire }),
          apply(request, credential) {
            request.headers.set('authorization', `Bearer ${credential.value}`);
            return undefined;
          },
        });
        return { plugin, acquisitions: async () => (await api.stats()).tokens - tokensBefore };
      },
      async teardown() {},
    };
  },
};
