// @ml-platform/auth-oidc in steady state and under a burst of first requests.
// Reports "not measured" until the package exports oidcAuth.
import * as plugin from '@ml-platform/auth-oidc';
import { notLandedUnless } from './scenario.mjs';

/** @type {import('./scenario.mjs').AuthScenario} */
export const oidcScenario = {
  id: 'oidc',
  label: 'OIDC, cached token (auth-oidc)',
  acquisitionUnit: 'token fetch',
  async setup() {
    const missing = notLandedUnless('@ml-platform/auth-oidc', plugin, 'oidcAuth');
    if (missing) return missing;
    return { notMeasured: 'not measured: the bench scenario for this plugin is not written yet' };
  },
};
