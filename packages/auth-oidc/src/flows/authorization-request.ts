import type { TokenEndpointResponse } from 'openid-client';
import * as client from 'openid-client';
import type { ResolvedOptions } from '../options.js';
import { callProvider, requestParameters } from './flow.js';

/** One login attempt: the URL to open and the checks its answer must pass. */
export interface AuthorizationRequest {
  readonly url: URL;
  readonly redirectUri: string;
  readonly state: string;
  /** Finishes the login with the provider's redirect (code, state, iss): PKCE, state and nonce are checked. */
  exchange(callback: URL): Promise<TokenEndpointResponse>;
}

/**
 * A fresh PKCE S256 verifier, `state` and `nonce` for every attempt (a
 * constant state, as in Seldon's SDK, protects nothing). `prompt=consent`
 * accompanies `offline_access`, as OpenID Connect Core section 11 requires
 * for a refresh token to be issued.
 */
export async function startAuthorizationRequest(
  options: ResolvedOptions,
  configuration: client.Configuration,
  redirectUri: string,
): Promise<AuthorizationRequest> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const scopes = (options.scope ?? '').split(' ');
  const nonce = scopes.includes('openid') ? client.randomNonce() : undefined;
  const parameters = requestParameters(options);
  parameters.set('redirect_uri', redirectUri);
  parameters.set('response_type', 'code');
  parameters.set('code_challenge', await client.calculatePKCECodeChallenge(verifier));
  parameters.set('code_challenge_method', 'S256');
  parameters.set('state', state);
  if (nonce) parameters.set('nonce', nonce);
  if (scopes.includes('offline_access')) parameters.set('prompt', 'consent');
  const url = client.buildAuthorizationUrl(configuration, parameters);

  return {
    url,
    redirectUri,
    state,
    exchange(callback) {
      // The code exchange carries `resource` again but no `scope`: it was granted with the code.
      const tokenParameters = requestParameters(options, '');
      return callProvider(
        options,
        'authorization_code',
        () =>
          client.authorizationCodeGrant(
            configuration,
            callback,
            {
              pkceCodeVerifier: verifier,
              expectedState: state,
              expectedNonce: nonce,
              idTokenExpected: !!nonce,
            },
            tokenParameters,
          ),
        [verifier, callback.searchParams.get('code') ?? undefined, state, nonce],
      );
    },
  };
}
