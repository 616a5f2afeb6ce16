import { access, constants } from 'node:fs/promises';
import type { AuthPlugin, TlsOptions } from '@ml-platform/core';
import { CliError, CliErrorCode } from '../cli-error.js';
import { type AuthKind, dexSessionPath, type Profile } from '../config/config-file.js';
import { ExitCode } from '../exit-codes.js';
import { rememberSecret } from '../secrets.js';
import { loginPassword } from '../session/read-password.js';

/** A profile's auth kind; `in-pod` when it names none: the KFP client's own zero-config lookup decides. */
export type EffectiveAuthKind = AuthKind | 'in-pod';

export interface AuthRequest {
  profileName: string | undefined;
  profile: Profile;
  /** The endpoint a Dex session belongs to. */
  endpoint: string | undefined;
  /** `mlp login`: the plugin may ask the user; for every other command it must not. */
  interactive: boolean;
  /** The TLS settings of the flags or profile, for the plugin's own calls (Dex login, OIDC token calls). */
  tls?: TlsOptions | undefined;
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
 * kfp.Client does; `none` sends requests unsigned. `kubeconfig` is not here:
 * it decides the endpoint too (see clients.ts).
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
    case 'token':
      return tokenAuth(profile, env);
    case 'oidc':
      return (await import('../session/oidc.js')).oidcAuthFor(profile, {
        interactive: request.interactive,
        tls: request.tls,
        env,
      });
    case 'dex': {
      const { dexSessionAuth } = await import('@ml-platform/auth-dex-session');
      if (!request.endpoint) throw missing('kfpEndpoint', 'the Dex session belongs to an endpoint');
      const { username } = profile;
      if (!username) throw missing('username', 'Dex asks for a login name');
      return dexSessionAuth({
        endpoint: request.endpoint,
        username,
        // Asked for only when there is no valid saved session.
        password: () => loginPassword(`Password for ${username}`, { interactive: request.interactive, env }),
        connector: profile.connector,
        sessionFile: dexSessionPath(request.profileName ?? 'default', env),
        tls: request.tls,
        // One mlp process posts a password once: a cooldown kept in its memory would promise
        // other mlp processes something it cannot keep.
        passwordCooldownMs: 0,
        log: request.debug,
      });
    }
    case 'kubeconfig':
      throw new CliError(
        CliErrorCode.usage,
        '--auth kubeconfig reaches KFP through the Kubernetes API server; it does not sign requests to another endpoint. ' +
          'Use it without --endpoint, or choose another --auth.',
        ExitCode.usage,
      );
  }
}

/**
 * `--auth token`: `--token-file` through the ServiceAccount-token plugin (it
 * re-reads the file when it changes, e.g. a rotated projected token), else
 * `MLP_TOKEN` through core's static bearer auth.
 */
async function tokenAuth(profile: Profile, env: NodeJS.ProcessEnv): Promise<AuthPlugin> {
  if (profile.tokenFile) {
    // Checked here, before anything is sent; the plugin reads (and re-reads) the file itself.
    await access(profile.tokenFile, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
      throw new CliError(
        CliErrorCode.fileUnreadable,
        `--token-file ${profile.tokenFile} cannot be read (${error.code ?? error.message}). Check the path given to --token-file (or saved in the profile).`,
        ExitCode.usage,
        { cause: error },
      );
    });
    const { serviceAccountTokenAuth } = await import('@ml-platform/auth-sa-token');
    return serviceAccountTokenAuth({ path: profile.tokenFile, watch: false, env });
  }
  const token = env.MLP_TOKEN?.trim();
  if (!token) {
    throw new CliError(
      CliErrorCode.noSecret,
      '--auth token needs a token: pass --token-file <path> (or save it in the profile), or set MLP_TOKEN.',
      ExitCode.usage,
    );
  }
  rememberSecret(token);
  const { staticTokenAuth } = await import('@ml-platform/core');
  return staticTokenAuth(token);
}

function missing(setting: string, why: string): CliError {
  const flag = setting.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return new CliError(
    CliErrorCode.usage,
    `The profile has no ${setting} (${why}). Set it with mlp config set-profile <name> --${flag} <value>.`,
    ExitCode.usage,
  );
}
