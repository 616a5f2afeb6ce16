import { CliError, CliErrorCode } from '../cli-error.js';
import { type Profile, readConfig } from '../config/config-file.js';
import { ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';

export interface SelectedProfile {
  /** The profile's name, or undefined when none is configured. */
  name: string | undefined;
  profile: Profile;
}

/** `--profile`, else `MLP_PROFILE`, else the config file's current profile, else none (the environment decides). */
export function selectProfile(globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): SelectedProfile {
  const config = readConfig();
  const name = globals.profile ?? env.MLP_PROFILE ?? config.current;
  if (name === undefined) return { name: undefined, profile: {} };
  const profile = config.profiles[name];
  if (!profile) {
    const known = Object.keys(config.profiles);
    throw new CliError(
      CliErrorCode.profileNotFound,
      `No profile named "${name}" in the config file. ` +
        (known.length ? `Profiles: ${known.join(', ')}.` : 'Create one with mlp config set-profile.'),
      ExitCode.usage,
    );
  }
  return { name, profile };
}
