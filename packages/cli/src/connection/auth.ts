import { existsSync } from 'node:fs';
import type { AuthPlugin } from '@ml-platform/core';
import { CliError, CliErrorCode } from '../cli-error.js';
import { type AuthKind, dexSessionPath, type Profile } from '../config/config-file.js';
import { ExitCode } from '../exit-codes.js';
import { readPassword } from '../session/read-password.js';

export interface AuthRequest {
  profileName: string | undefined;
  profile: Profile;
  /** The endpoint a Dex session belongs to. */
  endpoint: string | undefined;
  /** `mlp login`: the plugin may ask the user; for every other command it must not. */
  interactive: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Without a profile's `auth`: the projected ServiceAccount token when one is
 * there (`KF_PIPELINES_SA_TOKEN_PATH`, or the path KFP mounts in a pod), as
 * kfp.Client does; else no auth (a port-forward to ml-pipeline-ui).
 */
export async function authKindOf(profile: Profile, env: NodeJS.ProcessEnv = process.env): Promise<AuthKind> {
  if (profile.auth) return profile.auth;
  const { KFP_SA_TOKEN_PATH } = await import('@ml-platform/auth-sa-token');
  return env.KF_PIPELINES_SA_TOKEN_PATH || existsSync(KFP_SA_TOKEN_PATH) ? 'sa-token' : 'none';
}

/** The auth plugin a profile describes, built by the plugin package that owns it (each loaded only when used). */
export async function buildAuth(request: AuthRequest): Promise<AuthPlugin | undefined> {
  const { profile, env = process.env } = request;
  const kind = await authKindOf(profile, env);
  switch (kind) {
    case 'none':
      return undefined;
    case 'sa-token': {
      const { serviceAccountTokenAuth } = await import('@ml-platform/auth-sa-token');
      // A CLI process is short-lived: no directory watch to keep it alive.
      return serviceAccountTokenAuth({ watch: false, env });
    }
    case 'oidc':
      return (await import('../session/oidc.js')).oidcAuthFor(profile, request.interactive);
    case 'dex': {
      const { dexSessionAuth } = await import('@ml-platform/auth-dex-session');
      if (!request.endpoint) throw missing('kfpEndpoint', 'the Dex session belongs to an endpoint');
      if (!profile.username) throw missing('username', 'Dex asks for a login name');
      return dexSessionAuth({
        endpoint: request.endpoint,
        username: profile.username,
        password: await readPassword(`Password for ${profile.username}`, env),
        connector: profile.connector,
        sessionFile: dexSessionPath(request.profileName ?? 'default', env),
      });
    }
  }
}

function missing(setting: string, why: string): CliError {
  return new CliError(
    CliErrorCode.usage,
    `The profile has no ${setting} (${why}). Set it with mlp config set-profile <name> --${setting.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} <value>.`,
    ExitCode.usage,
  );
}
