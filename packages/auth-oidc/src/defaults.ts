import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * What deployKF's Kubeflow Pipelines SDK login uses (`DeployKFCredentialsOutOfBand`):
 * its public client, the out-of-band redirect Dex shows the code on, and the
 * scopes that put the user's email and groups in the ID token plus a refresh token.
 */
export const DEPLOYKF_DEFAULTS = {
  clientId: 'kubeflow-pipelines-sdk',
  redirectUri: 'urn:ietf:wg:oauth:2.0:oob',
  scope: 'openid email groups profile offline_access',
} as const;

/**
 * What Seldon Deploy's SDK requests (`OIDCAuthenticator`): the ID token's
 * identity claims. Spread it into the options and add `clientId`, `flow` and,
 * if your provider needs one, `resource`.
 */
export const SELDON_DEPLOY_DEFAULTS = {
  scope: 'openid profile email groups',
} as const;

/** Where interactive logins are cached unless `tokenCache.path` says otherwise: `$XDG_CONFIG_HOME/ml-platform/oidc-tokens.json`. */
export function defaultTokenCachePath(): string {
  const configHome = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(configHome, 'ml-platform', 'oidc-tokens.json');
}
