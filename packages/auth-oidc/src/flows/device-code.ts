import * as client from 'openid-client';
import { OidcAuthError, OidcAuthErrorCode } from '../errors.js';
import type { ResolvedOptions } from '../options.js';
import type { OidcPrompt } from '../prompt.js';
import { callProvider, type Flow, requestParameters } from './flow.js';

/**
 * RFC 8628 for headless terminals: show the user code, then poll at the
 * provider's interval until the user approves on another device, the code
 * expires or `loginTimeoutMs` passes.
 */
export function deviceCodeFlow(options: ResolvedOptions, prompt: OidcPrompt): Flow {
  return {
    step: 'device_code',
    interactive: true,
    async obtain(configuration) {
      const authorization = await callProvider(options, 'device_code', () =>
        client.initiateDeviceAuthorization(configuration, requestParameters(options)),
      );
      const secrets = [authorization.device_code];
      await prompt.showDeviceCode({
        userCode: authorization.user_code,
        verificationUri: authorization.verification_uri,
        verificationUriComplete: authorization.verification_uri_complete,
        expiresInSeconds: authorization.expires_in,
      });
      const waitMs = Math.min(authorization.expires_in * 1000, options.loginTimeoutMs);
      const tokenParameters = requestParameters(options, '');
      const deadline = AbortSignal.timeout(waitMs);
      try {
        return await callProvider(
          options,
          'device_code',
          () =>
            client.pollDeviceAuthorizationGrant(configuration, authorization, tokenParameters, {
              signal: deadline,
            }),
          secrets,
        );
      } catch (error) {
        if (
          !deadline.aborted ||
          (error instanceof OidcAuthError && error.code === OidcAuthErrorCode.loginFailed)
        ) {
          throw error;
        }
        throw new OidcAuthError(
          OidcAuthErrorCode.loginTimeout,
          `Nobody approved the device login within ${Math.round(waitMs / 1000)} s. Run again and enter ` +
            'the code at the verification URL sooner, or raise loginTimeoutMs.',
          { cause: error instanceof OidcAuthError ? error.cause : error },
        );
      }
    },
  };
}
