import { checkOptions as checkCoreOptions, invalidOption } from '@ml-platform/core';
import { PLUGIN_NAME } from './errors.js';
import type { LoadKubeconfigOptions } from './load/load-kubeconfig.js';

/**
 * The options of `kubeconfigAuth`: which kubeconfig and context to load, and how early to renew an
 * exec plugin's credential.
 */
export interface KubeconfigAuthOptions extends LoadKubeconfigOptions {
  /**
   * Stop using an exec plugin's credential this long before its
   * `expirationTimestamp`, for clock differences; never more than an eighth
   * of the credential's lifetime (core's `CredentialCache`), so a short-lived
   * one is not re-made on every request. Default 10 000 ms.
   */
  clockSkewMs?: number | undefined;
  /** Stop an exec plugin that has not finished after this long. Default 120 000 ms (interactive logins take a while). */
  execTimeoutMs?: number | undefined;
}

export interface ResolvedAuthOptions {
  clockSkewMs: number;
  execTimeoutMs: number;
  env: Record<string, string | undefined>;
}

const KNOWN = [
  'kubeconfig',
  'context',
  'env',
  'clockSkewMs',
  'execTimeoutMs',
] as const satisfies readonly (keyof KubeconfigAuthOptions)[];

/**
 * Checks the options every entry point shares (plus `known`, an entry point's
 * own), with core's check: a typo fails when the client is made, naming the
 * option probably meant.
 */
export function checkOptions(options: unknown, known: readonly string[]): Record<string, unknown> {
  return checkCoreOptions(options as Record<string, unknown> | undefined, [...KNOWN, ...known], {
    plugin: PLUGIN_NAME,
    example: "{ context: 'prod' }",
    optional: true,
  });
}

export function resolveAuthOptions(options: KubeconfigAuthOptions): ResolvedAuthOptions {
  const env = options.env ?? process.env;
  if (typeof env !== 'object' || env === null) {
    throw invalidOption(`[${PLUGIN_NAME}] env must be an object of environment variables, like process.env.`);
  }
  return {
    clockSkewMs: milliseconds('clockSkewMs', options.clockSkewMs, 10_000, 0),
    execTimeoutMs: milliseconds('execTimeoutMs', options.execTimeoutMs, 120_000, 1),
    env,
  };
}

function milliseconds(name: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw invalidOption(
      `[${PLUGIN_NAME}] ${name} must be a finite number of milliseconds >= ${min}, got ${String(value)}.`,
    );
  }
  return value;
}
