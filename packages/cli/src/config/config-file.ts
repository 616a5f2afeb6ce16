import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  PrivateFileError,
  readPrivateFile,
  withFileLock,
  writePrivateFile,
} from '@ml-platform/core/private-file';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import type { ConnectionFlags } from '../global-options.js';

import { AUTH_KINDS, OIDC_FLOWS, type OidcFlowChoice } from './profile-choices.js';

export type { AuthKind, OidcFlowChoice, OidcLogin } from './profile-choices.js';

/**
 * One named connection. It holds paths and names, never a secret: tokens
 * live in the auth plugins' own caches (OIDC token cache, Dex session file)
 * or in files the profile names; passwords and secrets are never stored.
 */
export interface Profile extends ConnectionFlags {
  kfpEndpoint?: string;
  seldonEndpoint?: string;
  namespace?: string;
}

/** Every setting a profile may hold, in the order `mlp config show` prints them. */
export const PROFILE_SETTINGS = [
  'kfpEndpoint',
  'seldonEndpoint',
  'namespace',
  'auth',
  'tokenFile',
  'issuer',
  'clientId',
  'clientSecretFile',
  'flow',
  'username',
  'connector',
  'kubeconfig',
  'context',
  'kubeService',
  'caFile',
  'clientCertificate',
  'clientKey',
  'insecureSkipTlsVerify',
] as const satisfies readonly (keyof Profile)[];

export interface ConfigDocument {
  current?: string;
  /** A null-prototype map: `__proto__` or `constructor` are names like any other. */
  profiles: Record<string, Profile>;
}

/** `MLP_CONFIG`, else `$XDG_CONFIG_HOME/ml-platform/mlp.json`. */
export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MLP_CONFIG) return env.MLP_CONFIG;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'ml-platform', 'mlp.json');
}

/** Where `mlp login` keeps a Dex session (the plugin writes it 0600). */
export function dexSessionPath(profileName: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(configFilePath(env)), 'dex-sessions', `${encodeURIComponent(profileName)}.json`);
}

/** The profile called `name`, or undefined: own entries only, never an inherited `constructor`. */
export function profileNamed(document: ConfigDocument, name: string): Profile | undefined {
  return Object.hasOwn(document.profiles, name) ? document.profiles[name] : undefined;
}

/**
 * The config file, or an empty one when there is none. Read through core's
 * private-file reader: a file others can write is refused, as token caches are
 * (another user could point a profile at their own server or token file).
 */
export async function readConfig(path = configFilePath()): Promise<ConfigDocument> {
  let text: string | undefined;
  try {
    text = await readPrivateFile(path, { holds: 'the mlp connection profiles' });
  } catch (error) {
    throw invalidFile(path, error instanceof PrivateFileError ? error.message : String(error), error);
  }
  if (text === undefined) return { profiles: Object.create(null) };
  return parseConfig(path, text);
}

/**
 * Read-modify-write under core's file lock, so concurrent `mlp config`
 * processes each see the others' changes (none is lost), and the write is
 * atomic (a new 0600 file renamed over the old one; no temp file is followed
 * through a symlink).
 */
export async function updateConfig<T>(
  change: (document: ConfigDocument) => T,
  path = configFilePath(),
): Promise<T> {
  return withFileLock(`${path}.lock`, async () => {
    const document = await readConfig(path);
    const result = change(document);
    await writePrivateFile(path, `${JSON.stringify(document, null, 2)}\n`);
    return result;
  });
}

function parseConfig(path: string, text: string): ConfigDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidFile(path, 'it is not JSON');
  }
  if (!isObject(parsed)) throw invalidFile(path, 'not an object');
  const { current, profiles = {} } = parsed as { current?: unknown; profiles?: unknown };
  if (!isObject(profiles)) throw invalidFile(path, '"profiles" is not an object');
  if (current !== undefined && typeof current !== 'string')
    throw invalidFile(path, '"current" is not a string');
  // Object.assign onto a null-prototype object keeps a "__proto__" entry as an own profile.
  const byName: Record<string, Profile> = Object.assign(Object.create(null), profiles);
  for (const [name, profile] of Object.entries(byName)) {
    if (!isObject(profile)) throw invalidFile(path, `profile "${name}" is not an object`);
    const upgraded = upgradeProfile(profile as Profile & { login?: OidcFlowChoice });
    const problem = problemOf(upgraded);
    if (problem) throw invalidFile(path, `profile "${name}": ${problem}`);
    byName[name] = upgraded;
  }
  return { current, profiles: byName };
}

/** Profiles written before `flow` replaced `login` keep working. */
function upgradeProfile(profile: Profile & { login?: OidcFlowChoice }): Profile {
  const { login, ...rest } = profile;
  return login !== undefined && rest.flow === undefined ? { ...rest, flow: login } : rest;
}

/** What is wrong with a profile read from the file, so a hand edit never silently means something else. */
function problemOf(profile: Profile): string | undefined {
  for (const setting of PROFILE_SETTINGS) {
    const value: unknown = profile[setting];
    if (value === undefined) continue;
    if (setting === 'insecureSkipTlsVerify') {
      if (typeof value !== 'boolean') return `${setting} must be true or false`;
    } else if (typeof value !== 'string') {
      return `${setting} must be a string`;
    }
  }
  if (profile.auth !== undefined && !(AUTH_KINDS as readonly string[]).includes(profile.auth))
    return `auth must be one of ${AUTH_KINDS.join(', ')}, not "${profile.auth}"`;
  if (profile.flow !== undefined && !(OIDC_FLOWS as readonly string[]).includes(profile.flow))
    return `flow must be one of ${OIDC_FLOWS.join(', ')}, not "${profile.flow}"`;
  return undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidFile(path: string, why: string, cause?: unknown): CliError {
  return new CliError(
    CliErrorCode.configFileInvalid,
    `The config file ${path} cannot be used: ${why.replace(/\.$/, '')}. Fix it, or delete it and run mlp config set-profile again.`,
    ExitCode.usage,
    { cause },
  );
}
