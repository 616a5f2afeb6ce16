import { OidcAuthError, OidcAuthErrorCode } from '../errors.js';
import type { ResolvedOptions } from '../options.js';
import type { OidcPrompt } from '../prompt.js';
import { startAuthorizationRequest } from './authorization-request.js';
import type { Flow } from './flow.js';

/**
 * The redirect the provider would have sent, rebuilt from what the user
 * pasted: either the whole redirect URL / query (state and iss are then
 * checked as sent) or the bare code. A bare code travels through the user, not
 * through a redirect, so there is no state or iss to check; PKCE is what binds
 * that code to this process.
 */
function callbackFromPasted(
  pasted: string,
  redirectUri: string,
  state: string,
  issuer: string | undefined,
): URL {
  const callback = new URL(redirectUri);
  const query = pasted.includes('?') ? pasted.slice(pasted.indexOf('?') + 1) : pasted;
  if (/(^|&)(code|error)=/.test(query)) {
    for (const [name, value] of new URLSearchParams(query)) callback.searchParams.set(name, value);
    return callback;
  }
  callback.searchParams.set('code', pasted);
  callback.searchParams.set('state', state);
  if (issuer) callback.searchParams.set('iss', issuer);
  return callback;
}

/** deployKF's login: print the URL, the provider shows the code after login, the user pastes it back. */
export function outOfBandFlow(options: ResolvedOptions, prompt: OidcPrompt): Flow {
  return {
    step: 'authorization_code',
    interactive: true,
    async obtain(configuration) {
      const request = await startAuthorizationRequest(options, configuration, options.redirectUri);
      await prompt.showAuthorizationUrl({ url: request.url.href, redirect: 'out-of-band' });
      const pasted = (await prompt.readAuthorizationCode()).trim();
      if (pasted === '') {
        throw new OidcAuthError(
          OidcAuthErrorCode.loginCancelled,
          'No authorization code was entered. Open the printed URL, log in, and paste the code the provider shows.',
        );
      }
      const metadata = configuration.serverMetadata();
      const issuer = metadata.authorization_response_iss_parameter_supported ? metadata.issuer : undefined;
      return request.exchange(callbackFromPasted(pasted, request.redirectUri, request.state, issuer));
    },
  };
}
