// @ml-platform/auth-oidc with the client_credentials flow against the test
// bed's OpenID Provider, run in its own process. Steady state: the access
// token is cached, requests go to the bench API server. Acquisitions are the
// token requests the provider itself counted.
import { fileURLToPath } from 'node:url';
import * as oidc from '@ml-platform/auth-oidc';
import { startServerProcess } from '../lib/child-server.mjs';
import { notLandedUnless } from './scenario.mjs';

const PROVIDER_SERVER = fileURLToPath(new URL('../servers/oidc-provider-server.mjs', import.meta.url));

/** @type {import('./scenario.mjs').AuthScenario} */
export const oidcScenario = {
  id: 'oidc',
  label: 'OIDC, cached token (auth-oidc)',
  acquisitionUnit: 'token fetch',
  async setup() {
    const missing = notLandedUnless('@ml-platform/auth-oidc', oidc, 'oidcAuth');
    if (missing) return missing;
    const provider = await startServerProcess(PROVIDER_SERVER);
    const client = await provider.ask('client');
    return {
      async createPlugin() {
        const plugin = oidc.oidcAuth({
          issuer: client.issuer,
          flow: 'client_credentials',
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          clientAuthMethod: client.authMethod,
          tokenType: 'access_token',
          tokenCache: false,
        });
        const before = await provider.ask('tokenFetches');
        return { plugin, acquisitions: async () => (await provider.ask('tokenFetches')) - before };
      },
      teardown: provider.stop,
    };
  },
};
