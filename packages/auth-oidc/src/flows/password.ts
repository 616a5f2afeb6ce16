import { CredentialCooldown } from '@ml-platform/core';
import * as client from 'openid-client';
import { OidcAuthError, OidcAuthErrorCode } from '../errors.js';
import type { ResolvedOptions } from '../options.js';
import { callProvider, type Flow, requestParameters } from './flow.js';

const isWrongPassword = (error: unknown) =>
  error instanceof OidcAuthError && error.code === OidcAuthErrorCode.badCredentials;

/**
 * The resource-owner password grant, as Seldon Deploy's `password_grant`
 * (Keycloak). The password stays in memory to repeat the grant when a
 * refresh token is refused; it is never cached on disk or shown. Once the
 * provider has refused it, it is not sent again for `passwordCooldownMs`.
 */
export function passwordFlow(options: ResolvedOptions): Flow {
  const cooldown = new CredentialCooldown({ cooldownMs: options.passwordCooldownMs, now: options.now });
  return {
    step: 'password',
    interactive: false,
    obtain: (configuration) => {
      const username = options.username ?? '';
      const password = options.password ?? '';
      const parameters = requestParameters(options);
      parameters.set('username', username);
      parameters.set('password', password);
      return cooldown.attempt(
        password,
        () =>
          callProvider(options, 'password', () =>
            client.genericGrantRequest(configuration, 'password', parameters),
          ),
        isWrongPassword,
      );
    },
  };
}
