// @ml-platform/auth-dex-session in steady state and under a burst of first requests.
// Reports "not measured" until the package exports dexSessionAuth.
import * as plugin from '@ml-platform/auth-dex-session';
import { notLandedUnless } from './scenario.mjs';

/** @type {import('./scenario.mjs').AuthScenario} */
export const dexSessionScenario = {
  id: 'dex-session',
  label: 'Dex session cookie (auth-dex-session)',
  acquisitionUnit: 'login',
  async setup() {
    const missing = notLandedUnless('@ml-platform/auth-dex-session', plugin, 'dexSessionAuth');
    if (missing) return missing;
    return { notMeasured: 'not measured: the bench scenario for this plugin is not written yet' };
  },
};
