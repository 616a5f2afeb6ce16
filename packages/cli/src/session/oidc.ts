import { DEPLOYKF_DEFAULTS, type OidcAuth, oidcAuth } from '@ml-platform/auth-oidc';
import { CliError, CliErrorCode } from '../cli-error.js';
import type { Profile } from '../config/config-file.js';
import { ExitCode } from '../exit-codes.js';

/**
 * The OIDC plugin for a profile, with its token cache file on: `mlp login`
 * fills it (interactive), every other command reuses and refreshes it and
 * fails with AUTH_OIDC_LOGIN_REQUIRED instead of asking.
 */
export function oidcAuthFor(profile: Profile, interactive: boolean): OidcAuth {
  if (!profile.issuer) {
    throw new CliError(
      CliErrorCode.usage,
      'The profile uses OIDC but has no issuer. Set it with mlp config set-profile <name> --issuer https://<host>/dex.',
      ExitCode.usage,
    );
  }
  const login = profile.login ?? 'device-code';
  return oidcAuth({
    issuer: profile.issuer,
    clientId: profile.clientId ?? DEPLOYKF_DEFAULTS.clientId,
    flow: login === 'device-code' ? 'device_code' : 'authorization_code',
    redirect: login === 'loopback' ? 'loopback' : 'out-of-band',
    interactive,
    tokenCache: true,
    // Warnings (a refused refresh, a replaced cache file) are messages for the user, on stderr.
    onWarning: (warning) => process.stderr.write(`mlp: warning ${warning.code}: ${warning.message}\n`),
  });
}
