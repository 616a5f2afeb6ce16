import { resolve } from 'node:path';
import { CliError, CliErrorCode } from '../cli-error.js';
import { PROFILE_SETTINGS, type Profile, profileNamed, readConfig } from '../config/config-file.js';
import { ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';

export interface SelectedProfile {
  /** The profile's name, or undefined when none is configured. */
  name: string | undefined;
  /** The saved profile with the command line's connection flags over it. */
  profile: Profile;
}

/** The auth kinds each kind-specific flag means something to. */
const KIND_OF_FLAG: Partial<Record<keyof Profile, readonly string[]>> = {
  tokenFile: ['token'],
  issuer: ['oidc'],
  clientId: ['oidc'],
  clientSecretFile: ['oidc'],
  flow: ['oidc'],
  username: ['oidc', 'dex'],
  connector: ['dex'],
  kubeconfig: ['kubeconfig'],
  context: ['kubeconfig'],
  kubeService: ['kubeconfig'],
};

/**
 * A flag that the auth in use would ignore is a mistake (`--token-file`
 * under a Dex profile): said, rather than silently dropped.
 */
function checkFlagsFitAuth(flags: Partial<Profile>, auth: Profile['auth'], from: string): void {
  for (const [setting, kinds] of Object.entries(KIND_OF_FLAG)) {
    if (flags[setting as keyof Profile] === undefined || kinds.includes(auth ?? '')) continue;
    const flag = `--${setting.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    throw new CliError(
      CliErrorCode.usage,
      `${flag} is for --auth ${kinds.join(' or ')}, but this command uses ${auth ? `--auth ${auth}` : 'no --auth'} (${from}). ` +
        `Add --auth ${kinds[0]}, or leave ${flag} out.`,
      ExitCode.usage,
    );
  }
}

/** Settings that name a file: kept absolute, so a profile works from any directory. */
const PATH_SETTINGS = new Set<keyof Profile>([
  'tokenFile',
  'clientSecretFile',
  'kubeconfig',
  'caFile',
  'clientCertificate',
  'clientKey',
]);

/** The connection settings given as flags, paths made absolute. */
export function settingsFromFlags(globals: GlobalOptions): Partial<Profile> {
  const given: Record<string, unknown> = {};
  for (const setting of PROFILE_SETTINGS) {
    const value = (globals as Record<string, unknown>)[setting];
    if (value === undefined) continue;
    given[setting] = PATH_SETTINGS.has(setting) && typeof value === 'string' ? resolve(value) : value;
  }
  return given as Partial<Profile>;
}

/**
 * `--profile`, else `MLP_PROFILE`, else the config file's current profile,
 * else none (the environment decides); the command line's flags override it.
 */
export async function selectProfile(
  globals: GlobalOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SelectedProfile> {
  const config = await readConfig();
  const name = globals.profile ?? env.MLP_PROFILE ?? config.current;
  const flags = settingsFromFlags(globals);
  if (name === undefined) {
    checkFlagsFitAuth(flags, flags.auth, flags.auth ? 'the flag' : 'no profile');
    return { name: undefined, profile: flags };
  }
  const profile = profileNamed(config, name);
  if (!profile) {
    const known = Object.keys(config.profiles);
    throw new CliError(
      CliErrorCode.profileNotFound,
      `No profile named "${name}" in the config file. ` +
        (known.length ? `Profiles: ${known.join(', ')}.` : 'Create one with mlp config set-profile.'),
      ExitCode.usage,
    );
  }
  const merged = { ...profile, ...flags };
  checkFlagsFitAuth(flags, merged.auth, flags.auth ? 'the flag' : `profile ${name}`);
  return { name, profile: merged };
}
