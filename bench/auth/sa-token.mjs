// @ml-platform/auth-sa-token reading a token projected like the kubelet does.
// Acquisitions are opens of the token file, counted outside the plugin.
import * as saToken from '@ml-platform/auth-sa-token';
import { countFileOpens } from './count-file-opens.mjs';
import { createProjectedToken } from './projected-token.mjs';
import { notLandedUnless } from './scenario.mjs';

/** @type {import('./scenario.mjs').AuthScenario} */
export const saTokenScenario = {
  id: 'sa-token',
  label: 'ServiceAccount token (auth-sa-token)',
  acquisitionUnit: 'file read',
  async setup() {
    const missing = notLandedUnless('@ml-platform/auth-sa-token', saToken, 'serviceAccountTokenAuth');
    if (missing) return missing;
    const token = createProjectedToken();
    const opens = countFileOpens(token.path);
    const plugins = new Set();
    return {
      async createPlugin() {
        const plugin = saToken.serviceAccountTokenAuth({ path: token.path });
        plugins.add(plugin);
        const before = opens.count();
        return {
          plugin,
          acquisitions: async () => opens.count() - before,
          dispose: () => {
            plugin.close();
            plugins.delete(plugin);
          },
        };
      },
      async teardown() {
        for (const plugin of plugins) plugin.close();
        opens.restore();
        token.remove();
      },
    };
  },
};
