import { DEPLOYKF_DEFAULTS, type OidcAuth, type OidcAuthOptions, oidcAuth } from '@ml-platform/auth-oidc';
import type { TlsOptions } from '@ml-platform/core';
import { CliError, CliErrorCode } from '../cli-error.js';
import type { Profile } from '../config/config-file.js';
import { readSettingFile } from '../connection/read-setting-file.js';
import { ExitCode } from '../exit-codes.js';
import { rememberSecret } from '../secrets.js';
import { loginPassword } from './read-password.js';

/** A client secret is a line of text; a file far larger than that is not one. */
const LONGEST_SECRET_FILE = 64 * 1024;

export interface OidcContext {
  /** `mlp login`: the interactive flows may ask the user. */
  interactive: boolean;
  tls?: TlsOptions | undefined;
  env?: NodeJS.ProcessEnv;
}

/**
 * The OIDC plugin for a profile, with its token cache file on: `mlp login`
 * fills it for the interactive flows, every other command reuses and
 * refreshes it and fails with AUTH_OIDC_LOGIN_REQUIRED instead of asking.
 * The unattended flows (client credentials, password) get tokens by
 * themselves and cache them the same way.
 */
export async function oidcAuthFor(profile: Profile, context: OidcContext): Promise<OidcAuth> {
  const env = context.env ?? process.env;
  if (!profile.issuer) {
    throw new CliError(
      CliErrorCode.usage,
      '--auth oidc needs an issuer: pass --issuer https://<host>/dex (or save it with mlp config set-profile <name> --issuer ...).',
      ExitCode.usage,
    );
  }
  const flow = profile.flow ?? 'device-code';
  const clientSecret = await clientSecretOf(profile, env);
  const common = {
    issuer: profile.issuer,
    clientId: profile.clientId ?? DEPLOYKF_DEFAULTS.clientId,
    clientSecret,
    tls: context.tls,
    tokenCache: true,
    // One mlp process sends a password once: see auth.ts.
    passwordCooldownMs: 0,
    // Warnings (a refused refresh, a replaced cache file) are messages for the user, on stderr.
    onWarning: (warning: { code: string; message: string }) =>
      process.stderr.write(`mlp: warning ${warning.code}: ${warning.message}\n`),
  } satisfies Partial<OidcAuthOptions>;
  if (flow === 'client-credentials') {
    if (!clientSecret) {
      throw new CliError(
        CliErrorCode.noSecret,
        '--flow client-credentials needs the client secret: pass --client-secret-file <path> or set MLP_OIDC_CLIENT_SECRET.',
        ExitCode.usage,
      );
    }
    if (!profile.clientId) {
      throw new CliError(
        CliErrorCode.usage,
        '--flow client-credentials needs --client-id (the confidential client the secret belongs to).',
        ExitCode.usage,
      );
    }
    return oidcAuth({ ...common, flow: 'client_credentials', tokenType: 'access_token' });
  }
  if (flow === 'password') {
    if (!profile.username) {
      throw new CliError(CliErrorCode.usage, '--flow password needs --username.', ExitCode.usage);
    }
    const password = await loginPassword(`Password for ${profile.username}`, {
      interactive: context.interactive,
      env,
    });
    return oidcAuth({ ...common, flow: 'password', username: profile.username, password });
  }
  return oidcAuth({
    ...common,
    flow: flow === 'device-code' ? 'device_code' : 'authorization_code',
    redirect: flow === 'loopback' ? 'loopback' : 'out-of-band',
    interactive: context.interactive,
  });
}

/** `--client-secret-file`, else `MLP_OIDC_CLIENT_SECRET`; remembered for redaction either way. */
async function clientSecretOf(profile: Profile, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const secret = profile.clientSecretFile
    ? (await readSettingFile('--client-secret-file', profile.clientSecretFile, LONGEST_SECRET_FILE)).trim()
    : env.MLP_OIDC_CLIENT_SECRET?.trim();
  if (profile.clientSecretFile && !secret) {
    throw new CliError(
      CliErrorCode.noSecret,
      `--client-secret-file ${profile.clientSecretFile} is empty; it should hold the client secret.`,
      ExitCode.usage,
    );
  }
  rememberSecret(secret);
  return secret || undefined;
}
