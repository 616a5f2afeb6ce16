import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { invalidOption } from '@ml-platform/core';
import { PLUGIN_NAME } from '../errors.js';

/** Which files to load, and whether a missing one is an error (an explicit single path) or skipped (a list). */
export interface KubeconfigPaths {
  readonly files: readonly string[];
  readonly explicit: boolean;
  /** Where the list came from, for messages: `the kubeconfig option`, `KUBECONFIG`, `the default`. */
  readonly origin: string;
  /** What named the files, as core's named-file errors show it: `kubeconfig`, `KUBECONFIG` or `HOME`. */
  readonly field: string;
}

/**
 * kubectl's loading rules (client-go tools/clientcmd `ClientConfigLoadingRules`):
 * an explicit file (`--kubeconfig`) must exist; else every file in `KUBECONFIG`
 * (split like `PATH`, empty entries dropped, duplicates ignored; a value of
 * only spaces names no existing file, so nothing is read), missing ones
 * skipped; else `~/.kube/config`. A list given as the option behaves like `KUBECONFIG`.
 * Relative paths are taken from the working directory.
 */
export function kubeconfigPaths(
  option: string | readonly string[] | undefined,
  env: Record<string, string | undefined>,
): KubeconfigPaths {
  if (option !== undefined) {
    const list = typeof option === 'string' ? [option] : option;
    if (!Array.isArray(list) || list.length === 0 || list.some((item) => !isPath(item))) {
      throw invalidOption(
        `[${PLUGIN_NAME}] kubeconfig must be a file path or a non-empty list of them (as KUBECONFIG holds), ` +
          `e.g. '~/.kube/config' expanded, got ${describe(option)}.`,
      );
    }
    return {
      files: unique(list),
      explicit: typeof option === 'string',
      origin: 'the kubeconfig option',
      field: 'kubeconfig',
    };
  }
  const fromEnv = env.KUBECONFIG;
  // Only an empty KUBECONFIG falls back to the default: one holding only spaces names a file "  ", which does
  // not exist, so kubectl reads no file at all (client-go checks len(), then filepath.SplitList).
  if (fromEnv !== undefined && fromEnv !== '') {
    return {
      files: unique(fromEnv.split(delimiter)),
      explicit: false,
      origin: 'KUBECONFIG',
      field: 'KUBECONFIG',
    };
  }
  const home = env.HOME?.trim() || homedir();
  return {
    files: [join(home, '.kube', 'config')],
    explicit: false,
    origin: 'the default (~/.kube/config)',
    field: 'HOME',
  };
}

function isPath(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && !value.includes('\0');
}

function unique(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const path of paths) if (path !== '') seen.add(resolve(path));
  return [...seen];
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list with a non-path entry';
  return value === '' ? 'an empty string' : typeof value;
}
