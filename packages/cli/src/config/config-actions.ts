import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { settingsFromFlags } from '../connection/profile.js';
import { ExitCode } from '../exit-codes.js';
import { printDone, printResult } from '../output/print.js';
import {
  configFilePath,
  PROFILE_SETTINGS,
  type Profile,
  profileNamed,
  readConfig,
  updateConfig,
} from './config-file.js';
import type { OidcFlowChoice } from './profile-choices.js';

interface SetFlags {
  kfpEndpoint?: string;
  seldonEndpoint?: string;
  /** The old name of the global --flow. */
  login?: OidcFlowChoice;
  use: boolean;
}

function notFound(name: string): CliError {
  return new CliError(
    CliErrorCode.profileNotFound,
    `No profile named "${name}". See mlp config list.`,
    ExitCode.usage,
  );
}

/** A name that reads back the same from the file and in messages: not empty, no control characters. */
function checkProfileName(name: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (name.trim() === '' || /[\u0000-\u001f\u007f]/.test(name) || name.length > 200) {
    throw new CliError(
      CliErrorCode.usage,
      'A profile name must be 1 to 200 printable characters, e.g. mlp config set-profile dev.',
      ExitCode.usage,
    );
  }
}

export async function setProfile({ args: [name = ''], options, globals }: Invocation<SetFlags>) {
  checkProfileName(name);
  const given: Partial<Profile> = {
    ...settingsFromFlags(globals),
    kfpEndpoint: options.kfpEndpoint,
    seldonEndpoint: options.seldonEndpoint,
  };
  given.flow ??= options.login;
  for (const url of ['kfpEndpoint', 'seldonEndpoint', 'issuer'] as const) {
    const value = given[url];
    if (value !== undefined && !URL.canParse(value))
      throw new CliError(
        CliErrorCode.usage,
        `--${url.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be an absolute URL, e.g. https://kubeflow.example.com/pipeline.`,
        ExitCode.usage,
      );
  }
  const profile = await updateConfig((config) => {
    const changed: Profile = { ...profileNamed(config, name) };
    for (const setting of PROFILE_SETTINGS) {
      const value = given[setting];
      if (value !== undefined) (changed as Record<string, unknown>)[setting] = value;
    }
    config.profiles[name] = changed;
    if (options.use) config.current = name;
    return changed;
  });
  await printDone(globals, `Profile ${name} saved${options.use ? ' and in use' : ''}.`, { name, ...profile });
}

export async function useProfile({ args: [name = ''], globals }: Invocation) {
  await updateConfig((config) => {
    if (!profileNamed(config, name)) throw notFound(name);
    config.current = name;
  });
  await printDone(globals, `Using profile ${name}.`, { current: name });
}

export async function listProfiles({ globals }: Invocation) {
  const config = await readConfig();
  const rows = Object.entries(config.profiles).map(([name, profile]) => ({
    current: name === config.current,
    name,
    ...profile,
  }));
  await printResult(globals, rows, [
    { heading: '', value: (row) => (row.current ? '*' : '') },
    { heading: 'Name', value: (row) => row.name },
    { heading: 'KFP endpoint', value: (row) => row.kfpEndpoint },
    { heading: 'Auth', value: (row) => row.auth },
    { heading: 'Namespace', value: (row) => row.namespace },
  ]);
}

export async function showProfile({ args: [given], globals }: Invocation) {
  const config = await readConfig();
  const name = given ?? config.current;
  if (name === undefined) throw notFound('(no current profile)');
  const profile = profileNamed(config, name);
  if (!profile) throw notFound(name);
  await printResult(globals, { name, ...profile }, [
    { heading: 'Setting', value: (row) => Object.keys(row).join('\n') },
    { heading: 'Value', value: (row) => Object.values(row).join('\n') },
  ]);
}

export async function deleteProfile({ args: [name = ''], globals }: Invocation) {
  await updateConfig((config) => {
    if (!profileNamed(config, name)) throw notFound(name);
    delete config.profiles[name];
    if (config.current === name) config.current = undefined;
  });
  await printDone(globals, `Profile ${name} deleted.`, { name, action: 'delete' });
}

export async function printPath(_: Invocation) {
  process.stdout.write(`${configFilePath()}\n`);
}
