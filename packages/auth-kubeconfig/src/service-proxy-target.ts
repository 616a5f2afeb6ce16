import { invalidOption } from '@ml-platform/core';
import { authFor, type KubeconfigAuth } from './auth-for-context.js';
import { PLUGIN_NAME } from './errors.js';
import type { ResolvedKubeconfig } from './load/resolved-kubeconfig.js';
import {
  checkOptions,
  type KubeconfigAuthOptions,
  type ResolvedAuthOptions,
  resolveAuthOptions,
} from './options.js';
import type { KubeconfigTls } from './tls-for.js';

/**
 * The options of `kubeServiceProxy`: the kubeconfig options plus the Service (namespace, name,
 * port) to reach through the API server.
 */
export interface KubeServiceProxyOptions extends KubeconfigAuthOptions {
  /** The Service's namespace, e.g. `kubeflow`. */
  namespace: string;
  /** The Service's name, e.g. `ml-pipeline`. */
  service: string;
  /** The Service port's name (`http`) or number (`8888`). */
  port: string | number;
  /** How the API server talks to the Service: `http` (default) or `https`. */
  scheme?: 'http' | 'https' | undefined;
}

/** Client options: spread them into any client factory. */
export interface KubeServiceProxyClientOptions {
  /** `<server>/api/v1/namespaces/<namespace>/services/<scheme:><service>:<port>/proxy`. */
  baseUrl: string;
  /** Signs every request as the kubeconfig's user. */
  auth: KubeconfigAuth;
  /** The cluster's CA (or skipped verification, when the kubeconfig says so) and the user's client certificate. */
  tls: KubeconfigTls | undefined;
  /** The cluster's `proxy-url`, when the kubeconfig sets one (else the environment's proxy variables apply). */
  proxy: string | undefined;
}

/** A DNS-1123 label: what Kubernetes allows as a namespace or Service name. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** An IANA service name, what a Service port's name must be. */
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$/;

/** The checked options of `kubeServiceProxy` and `loadKubeServiceProxy`: the Service's proxy path and the auth options. */
export interface ServiceProxyTarget {
  readonly checked: KubeServiceProxyOptions;
  readonly auth: ResolvedAuthOptions;
  /** `/api/v1/namespaces/<namespace>/services/<scheme:><service>:<port>/proxy`. */
  readonly proxyPath: string;
}

/** The options of `kubeServiceProxy` beyond the kubeconfig's. */
const SERVICE_OPTIONS = ['namespace', 'service', 'port', 'scheme'] as const satisfies readonly Exclude<
  keyof KubeServiceProxyOptions,
  keyof KubeconfigAuthOptions
>[];

/**
 * Checks the options of `entryPoint` (`kubeServiceProxy` or
 * `loadKubeServiceProxy`) before any file is read: a typo or a bad Service
 * name fails first.
 */
export function serviceProxyTarget(options: KubeServiceProxyOptions, entryPoint: string): ServiceProxyTarget {
  if (options === undefined) {
    throw invalidOption(
      `[${PLUGIN_NAME}] ${entryPoint} needs { namespace, service, port }, e.g. { namespace: 'kubeflow', service: 'ml-pipeline', port: 'http' }.`,
    );
  }
  const checked = checkOptions(options, SERVICE_OPTIONS) as unknown as KubeServiceProxyOptions;
  const namespace = dnsLabel('namespace', checked.namespace, 'kubeflow');
  const service = dnsLabel('service', checked.service, 'ml-pipeline');
  const port = servicePort(checked.port);
  const scheme = checked.scheme;
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    throw invalidOption(`[${PLUGIN_NAME}] scheme must be 'http' or 'https', got ${String(scheme)}.`);
  }
  // client-go's proxy path: the scheme prefix only when not the default http (net.JoinSchemeNamePort).
  const target = `${scheme === 'https' ? 'https:' : ''}${service}:${port}`;
  return {
    checked,
    auth: resolveAuthOptions(checked),
    proxyPath: `/api/v1/namespaces/${namespace}/services/${target}/proxy`,
  };
}

/** Client options for the Service at `proxyPath`, signed as the loaded context's user. */
export function serviceProxyClientOptions(
  config: ResolvedKubeconfig,
  target: ServiceProxyTarget,
): KubeServiceProxyClientOptions {
  const auth = authFor(config, target.auth);
  return { baseUrl: `${config.cluster.server}${target.proxyPath}`, auth, tls: auth.tls, proxy: auth.proxy };
}

function dnsLabel(option: string, value: unknown, example: string): string {
  if (typeof value !== 'string' || !DNS_LABEL.test(value)) {
    throw invalidOption(
      `[${PLUGIN_NAME}] ${option} must be a Kubernetes name (lowercase letters, digits and '-', at most 63), e.g. '${example}', got ${typeof value === 'string' ? `'${value}'` : typeof value}.`,
    );
  }
  return value;
}

function servicePort(value: unknown): string {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65_535)
    return String(value);
  if (typeof value === 'string' && (PORT_NAME.test(value) || /^[1-9]\d{0,4}$/.test(value))) return value;
  throw invalidOption(
    `[${PLUGIN_NAME}] port must be the Service port's name (e.g. 'http') or number (1-65535), got ${typeof value === 'string' ? `'${value}'` : String(value)}.`,
  );
}
