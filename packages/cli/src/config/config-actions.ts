import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import { printDone, printResult } from '../output/print.js';
import { configFilePath, type Profile, readConfig, writeConfig } from './config-file.js';

type SetFlags = Omit<Profile, 'auth' | 'login'> & {
  auth?: Profile['auth'];
  login?: Profile['login'];
  use: boolean;
};

const SETTINGS = [
  'kfpEndpoint',
  'seldonEndpoint',
  'namespace',
  'auth',
  'issuer',
  'clientId',
  'login',
  'username',
  'connector',
] as const;

function notFound(name: string): CliError {
  return new CliError(
    CliErrorCode.profileNotFound,
    `No profile named "${name}". See mlp config list.`,
    ExitCode.usage,
  );
}

export async function setProfile({ args: [name = ''], options, globals }: Invocation<SetFlags>) {
  for (const url of ['kfpEndpoint', 'seldonEndpoint', 'issuer'] as const) {
    const value = options[url];
    if (value !== undefined && !URL.canParse(value))
      throw new CliError(
        CliErrorCode.usage,
        `--${url.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be an absolute URL, e.g. https://kubeflow.example.com/pipeline.`,
        ExitCode.usage,
      );
  }
  const config = readConfig();
  const profile: Profile = { ...config.profiles[name] };
  // --namespace is the global option; given here, it is the profile's namespace.
  const given: Partial<Profile> = { ...options, namespace: globals.namespace };
  for (const setting of SETTINGS) {
    const value = given[setting];
    if (value !== undefined) (profile as Record<string, unknown>)[setting] = value;
  }
  config.profiles[name] = profile;
  if (options.use) config.current = name;
  writeConfig(config);
  await printDone(globals, `Profile ${name} saved${options.use ? ' and in use' : ''}.`, { name, ...profile });
}

export async function useProfile({ args: [name = ''], globals }: Invocation) {
  const config = readConfig();
  if (!config.profiles[name]) throw notFound(name);
  config.current = name;
  writeConfig(config);
  await printDone(globals, `Using profile ${name}.`, { current: name });
}

export async function listProfiles({ globals }: Invocation) {
  const config = readConfig();
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
  const config = readConfig();
  const name = given ?? config.current;
  if (name === undefined) throw notFound('(no current profile)');
  const profile = config.profiles[name];
  if (!profile) throw notFound(name);
  await printResult(globals, { name, ...profile }, [
    { heading: 'Setting', value: (row) => Object.keys(row).join('\n') },
    { heading: 'Value', value: (row) => Object.values(row).join('\n') },
  ]);
}

export async function deleteProfile({ args: [name = ''], globals }: Invocation) {
  const config = readConfig();
  if (!config.profiles[name]) throw notFound(name);
  delete config.profiles[name];
  if (config.current === name) config.current = undefined;
  writeConfig(config);
  await printDone(globals, `Profile ${name} deleted.`, { name, action: 'delete' });
}

export async function printPath(_: Invocation) {
  process.stdout.write(`${configFilePath()}\n`);
}
