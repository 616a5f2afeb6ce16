// @ml-platform/auth-sa-token in steady state and under a burst of first requests.
// Reports "not measured" until the package exports serviceAccountTokenAuth.
import * as plugin from '@ml-platform/auth-sa-token';
import { notLandedUnless } from './scenario.mjs';

/** @type {import('./scenario.mjs').AuthScenario} */
export const saTokenScenario = {
  id: 'sa-token',
  label: 'ServiceAccount token (auth-sa-token)',
  acquisitionUnit: 'file read',
  async setup() {
    const missing = notLandedUnless('@ml-platform/auth-sa-token', plugin, 'serviceAccountTokenAuth');
    if (missing) return missing;
    return { notMeasured: 'not measured: the bench scenario for this plugin is not written yet' };
  },
};
