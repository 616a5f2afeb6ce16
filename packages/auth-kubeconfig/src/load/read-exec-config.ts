import { KubeconfigErrorCode } from '../errors.js';
import type { EntryFields } from './entry-fields.js';
import { isObject } from './read-kubeconfig-file.js';
import {
  EXEC_API_VERSIONS,
  type ExecApiVersion,
  type ExecConfig,
  INTERACTIVE_MODES,
  type InteractiveMode,
} from './resolved-kubeconfig.js';

/**
 * Checks a user's `exec` entry as client-go's clientcmd validation does:
 * `command` and `apiVersion` required, every `env` entry named,
 * `interactiveMode` one of Never, IfAvailable, Always; required with
 * `client.authentication.k8s.io/v1` and IfAvailable when left out with
 * v1beta1 (client-go's `SetDefaults_ExecConfig`).
 */
export function readExecConfig(user: EntryFields): ExecConfig | undefined {
  const exec = user.entry.body.exec;
  if (exec === undefined || exec === null) return undefined;
  if (!isObject(exec)) {
    throw user.error(KubeconfigErrorCode.invalid, `Expected a mapping, got ${typeof exec}.`, 'exec');
  }
  const text = (key: string): string | undefined => {
    const value = exec[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') {
      throw user.error(KubeconfigErrorCode.invalid, `Expected a string, got ${typeof value}.`, `exec.${key}`);
    }
    return value;
  };
  const apiVersion = text('apiVersion');
  if (apiVersion === undefined) {
    throw user.error(
      KubeconfigErrorCode.invalid,
      `apiVersion must be set for an exec plugin, e.g. ${EXEC_API_VERSIONS[0]}.`,
      'exec.apiVersion',
    );
  }
  if (!(EXEC_API_VERSIONS as readonly string[]).includes(apiVersion)) {
    throw user.error(
      KubeconfigErrorCode.unsupported,
      `Exec plugins of API version ${apiVersion} are not supported (kubectl dropped v1alpha1 in 1.24); ` +
        `supported: ${EXEC_API_VERSIONS.join(', ')}. Update the plugin or its kubeconfig entry.`,
      'exec.apiVersion',
    );
  }
  const command = text('command');
  if (command === undefined) {
    throw user.error(KubeconfigErrorCode.invalid, 'command must be set for an exec plugin.', 'exec.command');
  }
  return {
    apiVersion: apiVersion as ExecApiVersion,
    command,
    args: readArgs(user, exec.args),
    env: readEnv(user, exec.env),
    installHint: text('installHint'),
    provideClusterInfo: readBoolean(user, exec.provideClusterInfo, 'exec.provideClusterInfo'),
    interactiveMode: readInteractiveMode(user, text('interactiveMode'), apiVersion as ExecApiVersion),
  };
}

function readArgs(user: EntryFields, args: unknown): string[] {
  if (args === undefined || args === null) return [];
  if (!Array.isArray(args) || args.some((arg) => typeof arg !== 'string')) {
    throw user.error(KubeconfigErrorCode.invalid, 'Expected a list of strings.', 'exec.args');
  }
  return args;
}

function readEnv(user: EntryFields, env: unknown): Array<{ name: string; value: string }> {
  if (env === undefined || env === null) return [];
  if (!Array.isArray(env)) {
    throw user.error(KubeconfigErrorCode.invalid, 'Expected a list of {name, value}.', 'exec.env');
  }
  return env.map((item: unknown, index) => {
    const field = `exec.env[${index}]`;
    if (!isObject(item) || typeof item.name !== 'string' || item.name === '') {
      throw user.error(KubeconfigErrorCode.invalid, 'Every env entry needs a name.', `${field}.name`);
    }
    const value = item.value ?? '';
    if (typeof value !== 'string') {
      throw user.error(
        KubeconfigErrorCode.invalid,
        `Expected a string (quote numbers and booleans), got ${typeof value}.`,
        `${field}.value`,
      );
    }
    return { name: item.name, value };
  });
}

function readBoolean(user: EntryFields, value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') {
    throw user.error(KubeconfigErrorCode.invalid, `Expected true or false, got ${typeof value}.`, field);
  }
  return value;
}

function readInteractiveMode(
  user: EntryFields,
  mode: string | undefined,
  apiVersion: ExecApiVersion,
): InteractiveMode {
  if (mode === undefined) {
    if (apiVersion === 'client.authentication.k8s.io/v1beta1') return 'IfAvailable';
    throw user.error(
      KubeconfigErrorCode.invalid,
      `interactiveMode must be set with ${apiVersion}: Never, IfAvailable or Always.`,
      'exec.interactiveMode',
    );
  }
  if (!(INTERACTIVE_MODES as readonly string[]).includes(mode)) {
    throw user.error(
      KubeconfigErrorCode.invalid,
      `interactiveMode must be Never, IfAvailable or Always, got "${mode}".`,
      'exec.interactiveMode',
    );
  }
  return mode as InteractiveMode;
}
