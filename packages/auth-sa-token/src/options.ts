import { checkOptions, invalidOption } from '@ml-platform/core';
import { PLUGIN_NAME } from './errors.js';
import type { TokenSource } from './token-location.js';

/**
 * The options of `serviceAccountTokenAuth`: which token file (the Kubeflow Pipelines
 * or the Kubernetes one), and how rotation and expiry are noticed.
 */
export interface ServiceAccountTokenAuthOptions {
  /**
   * The token file. Default: `KF_PIPELINES_SA_TOKEN_PATH`, else
   * `/var/run/secrets/kubeflow/pipelines/token`.
   */
  path?: string | undefined;
  /**
   * `'kubernetes'` uses the token Kubernetes mounts into every pod
   * (`/var/run/secrets/kubernetes.io/serviceaccount/token`, audience: the
   * Kubernetes API server) instead, for APIs that accept it. Default
   * `'kubeflow-pipelines'`. Not together with `path`.
   */
  source?: TokenSource | undefined;
  /** Watch the token's directory to notice rotation at once. Default true. */
  watch?: boolean | undefined;
  /**
   * Also compare the file's identity (one `stat`) at most this often, for file
   * systems where watching does not work. Default 1000 ms; 0 checks on every request.
   */
  checkIntervalMs?: number | undefined;
  /**
   * Clock difference allowed around the token's `exp`, ms. From this long
   * before `exp` the file is re-read on every request (a rotation is due); an
   * unchanged token is still sent, with one warning, until this long after
   * `exp`, then refused with AUTH_SA_TOKEN_EXPIRED. Default 30 000 ms.
   */
  clockSkewMs?: number | undefined;
  /** Where `KF_PIPELINES_SA_TOKEN_PATH` is read from. Default `process.env`. */
  env?: Record<string, string | undefined>;
}

export interface ResolvedOptions {
  path: string | undefined;
  source: TokenSource;
  watch: boolean;
  checkIntervalMs: number;
  clockSkewMs: number;
  env: Record<string, string | undefined>;
}

const KNOWN_OPTIONS = [
  'path',
  'source',
  'watch',
  'checkIntervalMs',
  'clockSkewMs',
  'env',
] as const satisfies readonly (keyof ServiceAccountTokenAuthOptions)[];
const SOURCES: readonly TokenSource[] = ['kubeflow-pipelines', 'kubernetes'];

const invalid = (message: string) => invalidOption(message, PLUGIN_NAME);

function milliseconds(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalid(`${name} must be a finite number of milliseconds >= 0, got ${String(value)}.`);
  }
  return value;
}

/** Checks every option up front, so a typo fails at startup, not at the first request. */
export function resolveOptions(options: ServiceAccountTokenAuthOptions | undefined): ResolvedOptions {
  options = checkOptions(options, KNOWN_OPTIONS, {
    plugin: PLUGIN_NAME,
    example: "{ path: '/var/run/secrets/kubeflow/pipelines/token' }",
    optional: true,
  });
  const { path, source, watch, env } = options;
  if (path !== undefined && (typeof path !== 'string' || path.trim() === '' || path.includes('\0'))) {
    throw invalid('path must be a non-empty file path, e.g. /var/run/secrets/kubeflow/pipelines/token.');
  }
  if (source !== undefined && !SOURCES.includes(source)) {
    throw invalid(`source must be one of ${SOURCES.map((s) => `'${s}'`).join(', ')}, got ${String(source)}.`);
  }
  if (path !== undefined && source !== undefined) {
    throw invalid('pass either path or source, not both: path names the token file itself.');
  }
  if (watch !== undefined && typeof watch !== 'boolean') {
    throw invalid(`watch must be true or false, got ${typeof watch}.`);
  }
  if (env !== undefined && (typeof env !== 'object' || env === null)) {
    throw invalid('env must be an object of environment variables, like process.env.');
  }
  return {
    path: path?.trim(),
    source: source ?? 'kubeflow-pipelines',
    watch: watch ?? true,
    checkIntervalMs: milliseconds('checkIntervalMs', options.checkIntervalMs, 1000),
    clockSkewMs: milliseconds('clockSkewMs', options.clockSkewMs, 30_000),
    env: env ?? process.env,
  };
}
