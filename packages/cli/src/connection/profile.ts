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
  if (name === undefined) return { name: undefined, profile: flags };
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
  return { name, profile: { ...profile, ...flags } };
}
