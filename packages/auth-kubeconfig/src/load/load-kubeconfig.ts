import { invalidOption } from '@ml-platform/core';
import { KubeconfigError, KubeconfigErrorCode, PLUGIN_NAME } from '../errors.js';
import { EntryFields } from './entry-fields.js';
import type { ListName, MergedKubeconfig, NamedEntry } from './kubeconfig-model.js';
import { kubeconfigPaths } from './kubeconfig-paths.js';
import { mergeKubeconfigs } from './merge-kubeconfigs.js';
import { readExecConfig } from './read-exec-config.js';
import {
  type KubeconfigParser,
  type KubeconfigText,
  kubeconfigFileFrom,
  readKubeconfigText,
} from './read-kubeconfig-file.js';
import type { ResolvedCluster, ResolvedKubeconfig, ResolvedUser } from './resolved-kubeconfig.js';

export interface LoadKubeconfigOptions {
  /** A kubeconfig file, or a list of them as `KUBECONFIG` holds. Default: `KUBECONFIG`, else `~/.kube/config`. */
  kubeconfig?: string | readonly string[] | undefined;
  /** The context to use. Default: the `current-context`. */
  context?: string | undefined;
  /** Where `KUBECONFIG` and `HOME` are read from. Default `process.env`. */
  env?: Record<string, string | undefined>;
}

const CERTIFICATE = /-----BEGIN CERTIFICATE-----/;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;

/**
 * Loads the kubeconfig the way kubectl does and returns the context in use,
 * with its cluster and user checked and the files they name read. Reading is
 * synchronous: it runs once, when a client is set up. `parse` turns each
 * file's text into its value (`kubeconfigYamlParser` for anything kubectl reads).
 */
export function loadKubeconfig(options: LoadKubeconfigOptions, parse: KubeconfigParser): ResolvedKubeconfig {
  return resolveKubeconfig(readKubeconfigTexts(options), parse, options);
}

/**
 * Reads the kubeconfig files `options` (or `KUBECONFIG`, or `~/.kube/config`)
 * name, after checking the `context` option, and fails when there is none.
 */
export function readKubeconfigTexts(options: LoadKubeconfigOptions): KubeconfigText[] {
  const env = options.env ?? process.env;
  if (options.context !== undefined && (typeof options.context !== 'string' || options.context === '')) {
    throw invalidOption(
      `[${PLUGIN_NAME}] context must be a non-empty context name, got ${typeof options.context}.`,
    );
  }
  const paths = kubeconfigPaths(options.kubeconfig, env);
  const texts = paths.files
    .map((path) => readKubeconfigText(path, paths.explicit ? 'fail' : 'skip', paths.field))
    .filter((text): text is KubeconfigText => text !== undefined);
  if (texts.length === 0) {
    throw new KubeconfigError(
      KubeconfigErrorCode.notFound,
      `No kubeconfig file found; tried ${paths.files.join(', ')} (from ${paths.origin}). ` +
        'Set KUBECONFIG or pass the kubeconfig option, as you would give kubectl --kubeconfig.',
    );
  }
  return texts;
}

/** Parses and merges the files read, and resolves the context in use with its cluster and user. */
export function resolveKubeconfig(
  texts: readonly KubeconfigText[],
  parse: KubeconfigParser,
  options: LoadKubeconfigOptions,
): ResolvedKubeconfig {
  const files = texts.map((text) => kubeconfigFileFrom(text, parse));
  const merged = mergeKubeconfigs(files);
  const contextName = options.context ?? merged.currentContext;
  if (contextName === undefined) {
    throw new KubeconfigError(
      KubeconfigErrorCode.noContext,
      `No context named and no current-context set in ${merged.files.join(', ')}. ` +
        `Pass the context option (one of: ${[...merged.contexts.keys()].join(', ') || 'none defined'}) ` +
        'or run kubectl config use-context <name>.',
    );
  }
  const contextEntry = lookup(merged, 'contexts', contextName, {
    why: options.context !== undefined ? 'named by the context option' : 'the current-context',
    file: options.context !== undefined ? undefined : merged.currentContextFile,
  });
  const context = new EntryFields('contexts', contextEntry, contextName);
  const clusterName = context.string('cluster');
  const userName = context.string('user');
  if (clusterName === undefined) {
    throw context.error(KubeconfigErrorCode.invalid, 'The context names no cluster.', 'cluster');
  }
  const cluster = resolveCluster(
    new EntryFields('clusters', lookupFrom(merged, 'clusters', clusterName, context, 'cluster'), contextName),
  );
  const user =
    userName === undefined
      ? anonymousUser(contextEntry.file)
      : resolveUser(
          new EntryFields('users', lookupFrom(merged, 'users', userName, context, 'user'), contextName),
        );
  return { context: contextName, namespace: context.string('namespace'), cluster, user };
}

function lookup(
  merged: MergedKubeconfig,
  list: ListName,
  name: string,
  from: { why: string; file: string | undefined },
): NamedEntry {
  const entry = merged[list].get(name);
  if (entry) return entry;
  const known = [...merged[list].keys()];
  throw new KubeconfigError(
    KubeconfigErrorCode.notDefined,
    `The ${list.slice(0, -1)} "${name}" (${from.why}) is defined in none of ${merged.files.join(', ')}. ` +
      `Defined: ${known.length > 0 ? known.join(', ') : 'none'}.`,
    { file: from.file, context: list === 'contexts' ? name : undefined },
  );
}

function lookupFrom(
  merged: MergedKubeconfig,
  list: 'clusters' | 'users',
  name: string,
  context: EntryFields,
  key: string,
): NamedEntry {
  const entry = merged[list].get(name);
  if (entry) return entry;
  const known = [...merged[list].keys()];
  throw context.error(
    KubeconfigErrorCode.notDefined,
    `The ${key} "${name}" is defined in none of ${merged.files.join(', ')}. ` +
      `Defined: ${known.length > 0 ? known.join(', ') : 'none'}.`,
    key,
  );
}

function resolveCluster(cluster: EntryFields): ResolvedCluster {
  const server = cluster.string('server');
  if (server === undefined) {
    throw cluster.error(KubeconfigErrorCode.invalid, 'The cluster has no server URL.', 'server');
  }
  let url: URL;
  try {
    url = new URL(server);
  } catch (error) {
    throw cluster.error(
      KubeconfigErrorCode.invalid,
      'server is not a URL, e.g. https://203.0.113.10:6443.',
      'server',
      error,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw cluster.error(
      KubeconfigErrorCode.invalid,
      `server must be https:// (or http://), got ${url.protocol}.`,
      'server',
    );
  }
  const proxyUrl = readProxyUrl(cluster);
  const insecureSkipTlsVerify = cluster.boolean('insecure-skip-tls-verify');
  const ca = cluster.pem('certificate-authority', CERTIFICATE, 'CERTIFICATE');
  const tlsServerName = cluster.string('tls-server-name');
  // client-go's validation: "specifying a root certificates file with the insecure flag is not allowed".
  if (insecureSkipTlsVerify && ca !== undefined) {
    throw cluster.error(
      KubeconfigErrorCode.invalid,
      'insecure-skip-tls-verify and a certificate authority cannot both be set; remove one.',
      'insecure-skip-tls-verify',
    );
  }
  const execInfo: Record<string, unknown> = { server };
  if (ca !== undefined) execInfo['certificate-authority-data'] = Buffer.from(ca).toString('base64');
  if (insecureSkipTlsVerify) execInfo['insecure-skip-tls-verify'] = true;
  if (tlsServerName !== undefined) execInfo['tls-server-name'] = tlsServerName;
  if (proxyUrl !== undefined) execInfo['proxy-url'] = proxyUrl;
  const extension = execExtension(cluster.entry.body.extensions);
  if (extension !== undefined) execInfo.config = extension;
  return {
    name: cluster.entry.name,
    file: cluster.entry.file,
    server: server.replace(/\/+$/, ''),
    ca,
    insecureSkipTlsVerify,
    tlsServerName,
    proxyUrl,
    execInfo,
  };
}

/** client-go takes http, https and socks5 proxies here; core's transport speaks the first two. Never quotes the URL: it may hold a password. */
function readProxyUrl(cluster: EntryFields): string | undefined {
  const value = cluster.string('proxy-url');
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw cluster.error(
      KubeconfigErrorCode.invalid,
      'proxy-url is not a URL, e.g. http://proxy.example.com:3128.',
      'proxy-url',
      error,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw cluster.error(
      KubeconfigErrorCode.unsupported,
      `proxy-url uses ${url.protocol.replace(':', '')}; only http:// and https:// proxies are supported (not socks5).`,
      'proxy-url',
    );
  }
  return value;
}

/** The cluster extension an exec plugin with provideClusterInfo receives as `spec.cluster.config`. */
function execExtension(extensions: unknown): unknown {
  if (!Array.isArray(extensions)) return undefined;
  const found = extensions.find(
    (item: unknown) => (item as { name?: unknown } | null)?.name === 'client.authentication.k8s.io/exec',
  ) as { extension?: unknown } | undefined;
  return found?.extension;
}

function resolveUser(user: EntryFields): ResolvedUser {
  if (user.has('auth-provider')) {
    throw user.error(
      KubeconfigErrorCode.unsupported,
      'auth-provider plugins were removed in kubectl 1.26; use the exec plugin that replaced it ' +
        '(gke-gcloud-auth-plugin, kubelogin, aws eks get-token) and an exec entry.',
      'auth-provider',
    );
  }
  if (user.has('username') || user.has('password')) {
    throw user.error(
      KubeconfigErrorCode.unsupported,
      'basic auth (username/password) is not supported: Kubernetes removed it from the API server in 1.19.',
      user.has('username') ? 'username' : 'password',
    );
  }
  const cert = user.pem('client-certificate', CERTIFICATE, 'CERTIFICATE');
  const key = user.pem('client-key', PRIVATE_KEY, 'PRIVATE KEY');
  if ((cert === undefined) !== (key === undefined)) {
    throw user.error(
      KubeconfigErrorCode.invalid,
      cert === undefined
        ? 'A client key is set without a client certificate; set client-certificate(-data) too.'
        : 'A client certificate is set without its key; set client-key(-data) too.',
      cert === undefined ? 'client-certificate' : 'client-key',
    );
  }
  const token = user.string('token');
  // A header value cannot hold these; refusing here beats a TypeError from Headers at the first request.
  if (token !== undefined && !/^[\x21-\x7e]+$/.test(token)) {
    throw user.error(
      KubeconfigErrorCode.invalid,
      'The token holds spaces, line breaks or non-ASCII characters, which no bearer token has.',
      'token',
    );
  }
  return {
    name: user.entry.name,
    file: user.entry.file,
    token,
    tokenFile: user.string('tokenFile'),
    clientCertificate: cert !== undefined && key !== undefined ? { cert, key } : undefined,
    exec: readExecConfig(user),
  };
}

function anonymousUser(file: string): ResolvedUser {
  return {
    name: '',
    file,
    token: undefined,
    tokenFile: undefined,
    clientCertificate: undefined,
    exec: undefined,
  };
}
