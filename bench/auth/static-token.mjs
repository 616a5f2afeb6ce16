// core's staticTokenAuth: a fixed bearer token, nothing to acquire.
import { staticTokenAuth } from '@ml-platform/core';

/** @type {import('./scenario.mjs').AuthScenario} */
export const staticTokenScenario = {
  id: 'static-token',
  label: 'static token (core staticTokenAuth)',
  acquisitionUnit: undefined,
  async setup() {
    return {
      async createPlugin() {
        return { plugin: staticTokenAuth('bench-static-token'), acquisitions: async () => 0 };
      },
      async teardown() {},
    };
  },
};
