import * as client from 'openid-client';
import type { ResolvedOptions } from '../options.js';
import { callProvider, type Flow, requestParameters } from './flow.js';

/**
 * The resource-owner password grant, as Seldon Deploy's `password_grant`
 * (Keycloak). The password stays in memory to repeat the grant when a
 * refresh token is refused; it is never cached on disk or shown.
 */
export function passwordFlow(options: ResolvedOptions): Flow {
  return {
    step: 'password',
    interactive: false,
    obtain: (configuration) => {
      const parameters = requestParameters(options);
      parameters.set('username', options.username ?? '');
      parameters.set('password', options.password ?? '');
      return callProvider(options, 'password', () =>
        client.genericGrantRequest(configuration, 'password', parameters),
      );
    },
  };
}
