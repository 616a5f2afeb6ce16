import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

import type { AuthKind, OidcLogin } from './profile-choices.js';

export type { AuthKind, OidcLogin } from './profile-choices.js';

/**
 * One named connection. It holds no secret: tokens live in the auth
 * plugins' own caches (OIDC token cache, Dex session file), passwords are
 * never stored.
 */
export interface Profile {
  kfpEndpoint?: string;
  seldonEndpoint?: string;
  namespace?: string;
  auth?: AuthKind;
  /** OIDC: the provider's issuer URL. */
  issuer?: string;
  /** OIDC: the client id (default: deployKF's `kubeflow-pipelines-sdk`). */
  clientId?: string;
  /** OIDC: how `mlp login` logs in. */
  login?: OidcLogin;
  /** Dex: the login name (the email for static passwords). */
  username?: string;
  /** Dex: the connector, e.g. `local` or `ldap`. */
  connector?: string;
}

export interface ConfigDocument {
  current?: string;
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

export function readConfig(path = configFilePath()): ConfigDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw invalidFile(path, (error as Error).message);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidFile(path, 'it is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalidFile(path, 'not an object');
  const document = parsed as Partial<ConfigDocument>;
  if (
    document.profiles !== undefined &&
    (typeof document.profiles !== 'object' || document.profiles === null)
  )
    throw invalidFile(path, '"profiles" is not an object');
  return { current: document.current, profiles: document.profiles ?? {} };
}

/** Replaces the file atomically (temp file + rename), so a reader never sees half of it. */
export function writeConfig(document: ConfigDocument, path = configFilePath()): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

function invalidFile(path: string, why: string): CliError {
  return new CliError(
    CliErrorCode.configFileInvalid,
    `The config file ${path} cannot be used: ${why}. Fix it, or delete it and run mlp config set-profile again.`,
    ExitCode.usage,
  );
}
