import type { AuthPlugin } from '@ml-platform/core';
import { CliError, CliErrorCode } from '../cli-error.js';
import { type AuthKind, dexSessionPath, type Profile } from '../config/config-file.js';
import { ExitCode } from '../exit-codes.js';
import { readPassword } from '../session/read-password.js';

/** A profile's auth kind; `in-pod` when it names none: the KFP client's own zero-config lookup decides. */
export type EffectiveAuthKind = AuthKind | 'in-pod';

export interface AuthRequest {
  profileName: string | undefined;
  profile: Profile;
  /** The endpoint a Dex session belongs to. */
  endpoint: string | undefined;
  /** `mlp login`: the plugin may ask the user; for every other command it must not. */
  interactive: boolean;
  /** `--debug`: where a plugin's own request log goes (the Dex login flow's hops, redacted by the plugin). */
  debug?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export function authKindOf(profile: Profile): EffectiveAuthKind {
  return profile.auth ?? 'in-pod';
}

/**
 * The auth a profile describes, built by the plugin package that owns it
 * (each loaded only when used). Without one (`in-pod`) the client is given
 * none, so createKfpV2Client signs with the pod's ServiceAccount token when
 * KF_PIPELINES_SA_TOKEN_PATH or the default projected path has one, as
 * kfp.Client does; `none` sends requests unsigned.
 */
export async function buildAuth(request: AuthRequest): Promise<AuthPlugin | AuthPlugin[] | undefined> {
  const { profile, env = process.env } = request;
  switch (authKindOf(profile)) {
    case 'in-pod':
      return undefined;
    case 'none':
      return [];
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
        password: await readPassword(`Password for ${profile.username}`),
        connector: profile.connector,
        sessionFile: dexSessionPath(request.profileName ?? 'default', env),
        log: request.debug,
      });
    }
  }
}

function missing(setting: string, why: string): CliError {
  const flag = setting.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return new CliError(
    CliErrorCode.usage,
    `The profile has no ${setting} (${why}). Set it with mlp config set-profile <name> --${flag} <value>.`,
    ExitCode.usage,
  );
}
