// @ml-platform/auth-dex-session against the test bed's Dex + oauth2-proxy
// emulator, run in its own process. The session cookie is only ever sent to
// the gateway's origin, so this scenario brings its own target: requests go
// through the gateway to the emulator's KFP API (healthz, a small JSON body).
// Acquisitions are the password logins Dex itself counted.
import { fileURLToPath } from 'node:url';
import * as dexSession from '@ml-platform/auth-dex-session';
import { startServerProcess } from '../lib/child-server.mjs';
import { notLandedUnless } from './scenario.mjs';

const EMULATOR_SERVER = fileURLToPath(new URL('../servers/dex-emulator-server.mjs', import.meta.url));

/** @type {import('./scenario.mjs').AuthScenario} */
export const dexSessionScenario = {
  id: 'dex-session',
  label: 'Dex session cookie (auth-dex-session)',
  acquisitionUnit: 'login',
  async setup() {
    const missing = notLandedUnless('@ml-platform/auth-dex-session', dexSession, 'dexSessionAuth');
    if (missing) return missing;
    const cluster = await startServerProcess(EMULATOR_SERVER);
    const { endpoint, login, password } = await cluster.ask('cluster');
    return {
      target: {
        label: 'Dex + oauth2-proxy emulator',
        url: endpoint,
        listPath: '/apis/v2beta1/healthz',
      },
      async createPlugin() {
        const plugin = dexSession.dexSessionAuth({ endpoint, username: login, password });
        const before = await cluster.ask('logins');
        return {
          plugin,
          acquisitions: async () => (await cluster.ask('logins')) - before,
          // The plugin also asks for JSON: oauth2-proxy then answers a missing session with 401, not a page.
          referenceHeaders: () => ({ cookie: plugin.cache.peek()?.value ?? '', accept: 'application/json' }),
        };
      },
      teardown: cluster.stop,
    };
  },
};
