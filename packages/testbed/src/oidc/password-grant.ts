import type Provider from 'oidc-provider';
import type { errors as OidcErrors } from 'oidc-provider';
import { checkTestUserPassword, claimsOf } from './test-users.js';

/**
 * The resource-owner password grant (RFC 6749 section 4.3), which oidc-provider
 * leaves out on purpose but Keycloak serves and Seldon Deploy's SDK uses
 * (`password_grant`). It issues what the built-in grants do: an access token
 * under a new Grant, a refresh token when `offline_access` was asked for (so
 * the built-in `refresh_token` grant can take over), and an ID token for `openid`.
 */
export function registerPasswordGrant(
  provider: Provider,
  supportedScopes: ReadonlySet<string>,
  errors: typeof OidcErrors,
): void {
  const handler: Parameters<Provider['registerGrantType']>[1] = async (ctx) => {
    const { username, password, scope: requestedScope } = ctx.oidc.params;
    const user = checkTestUserPassword(username, password);
    if (!user) throw new errors.InvalidGrant('invalid username or password');

    const { client } = ctx.oidc;
    const requested = typeof requestedScope === 'string' ? requestedScope.split(' ') : ['openid'];
    const scopes = requested.filter((scope) => supportedScopes.has(scope));
    const scope = scopes.join(' ');
    const accountId = user.username;

    const grant = new provider.Grant({ accountId, clientId: client.clientId });
    grant.addOIDCScope(scope);
    const grantId = await grant.save();

    const accessToken = new provider.AccessToken({ accountId, client, grantId, gty: 'password', scope });
    const accessTokenValue = await accessToken.save();

    let refreshToken: string | undefined;
    if (scopes.includes('offline_access') && client.grantTypeAllowed('refresh_token')) {
      refreshToken = await new provider.RefreshToken({
        accountId,
        client,
        grantId,
        gty: 'password',
        scope,
        rotations: 0,
      }).save();
    }

    let idToken: string | undefined;
    if (scopes.includes('openid')) {
      const token = new provider.IdToken(claimsOf(user), { ctx });
      (token as unknown as { scope: string }).scope = scope;
      idToken = await token.issue({ use: 'idtoken' });
    }

    ctx.body = {
      access_token: accessTokenValue,
      token_type: 'Bearer',
      expires_in: accessToken.expiration,
      scope,
      ...(idToken ? { id_token: idToken } : {}),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    };
  };
  provider.registerGrantType('password', handler, ['username', 'password', 'scope']);
}
