import { ConfigError, ConfigErrorCode, type Middleware, type TlsOptions } from '@ml-platform/core';
import type { KfpV2Client } from '@ml-platform/kfp-v2';
import type { SeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { redact } from '../secrets.js';
import { authKindOf, buildAuth } from './auth.js';
import { debugLog } from './debug-log.js';
import { kubeServiceOf } from './kube-service.js';
import { selectProfile } from './profile.js';
import { rememberWhatWasSent } from './sent-credentials.js';
import { noteSigningIdentity } from './signing-identity.js';
import { tlsOf } from './tls.js';

export interface KfpConnection {
  client: KfpV2Client;
  /** The namespace to work in; undefined on single-user deployments. */
  namespace: string | undefined;
}

const writeDebug = (line: string) => process.stderr.write(`${redact(line)}\n`);
/** A plugin's own log lines, marked as debug output like the request log's. */
const pluginDebug = (line: string) => writeDebug(`mlp: debug: ${line}`);

function middlewareFor(globals: GlobalOptions): Middleware[] {
  return [rememberWhatWasSent(), ...(globals.debug ? [debugLog(writeDebug)] : [])];
}

/**
 * A KFP v2beta1 client from the flags, else the profile, else what the
 * library finds itself (KF_PIPELINES_ENDPOINT, the in-cluster service, ...;
 * the namespace from ~/.config/kfp/context.json or the pod's namespace).
 * `--auth kubeconfig` reaches KFP through the API server's service proxy.
 */
export async function connectKfp(globals: GlobalOptions): Promise<KfpConnection> {
  const { name, profile } = await selectProfile(globals);
  noteSigningIdentity(name, profile);
  const { createKfpV2Client, resolveUserNamespace } = await import('@ml-platform/kfp-v2');
  // `--auth kubeconfig` on the command line chooses the API server's proxy over the profile's endpoint.
  const endpoint = globals.endpoint ?? (globals.auth === 'kubeconfig' ? undefined : profile.kfpEndpoint);
  const tls = await tlsOf(profile);
  const common = { middleware: middlewareFor(globals), userAgent: 'mlp' };
  let client: KfpV2Client;
  if (authKindOf(profile) === 'kubeconfig') {
    if (endpoint) throw kubeconfigWithEndpoint();
    const { kubeServiceProxy } = await import('@ml-platform/auth-kubeconfig');
    const proxied = kubeServiceProxy({
      kubeconfig: profile.kubeconfig,
      context: profile.context,
      ...kubeServiceOf(profile.kubeService),
    });
    client = createKfpV2Client({
      ...common,
      baseUrl: proxied.baseUrl,
      auth: proxied.auth,
      tls: mergeTls(proxied.tls, tls),
      ...(proxied.proxy ? { proxy: proxied.proxy } : {}),
    });
  } else {
    const auth = await buildAuth({
      profileName: name,
      profile,
      endpoint: endpoint ?? process.env.KF_PIPELINES_ENDPOINT,
      interactive: false,
      tls,
      debug: globals.debug ? pluginDebug : undefined,
    });
    // No endpoint: the library's own zero-config chain decides, as kfp.Client() does.
    client = createKfpV2Client({ ...common, baseUrl: endpoint, auth, ...(tls ? { tls } : {}) });
  }
  const namespace = await resolveUserNamespace({ namespace: globals.namespace ?? profile.namespace });
  return { client, namespace };
}

export interface SeldonConnection {
  client: SeldonDeployClient;
  namespace: string;
}

/** A Seldon Deploy client: `--endpoint`, else the profile's seldonEndpoint, else SELDON_DEPLOY_URL. */
export async function connectSeldon(globals: GlobalOptions): Promise<SeldonConnection> {
  const { name, profile } = await selectProfile(globals);
  noteSigningIdentity(name, profile);
  const seldon = await import('@ml-platform/seldon-deploy-v1alpha1');
  const baseUrl =
    globals.endpoint ?? profile.seldonEndpoint ?? fromEnvironment(seldon.resolveSeldonDeployEndpoint);
  if (!baseUrl) {
    throw new ConfigError(
      ConfigErrorCode.noBaseUrl,
      "No Seldon Deploy endpoint: pass --endpoint https://<host>/seldon-deploy/api/v1alpha1, set the profile's " +
        '--seldon-endpoint (mlp config set-profile), or set SELDON_DEPLOY_URL.',
    );
  }
  const tls = await tlsOf(profile);
  const auth = await buildAuth({
    profileName: name,
    profile,
    endpoint: baseUrl,
    interactive: false,
    tls,
    debug: globals.debug ? pluginDebug : undefined,
  });
  const client = seldon.createSeldonDeployClient({
    baseUrl,
    auth,
    middleware: middlewareFor(globals),
    userAgent: 'mlp',
    ...(tls ? { tls } : {}),
  });
  return {
    client,
    namespace: globals.namespace ?? profile.namespace ?? seldon.resolveSeldonNamespace(),
  };
}

/** The flags' TLS settings over the kubeconfig's: `--ca-file` replaces its CA, as kubectl's flag does. */
function mergeTls(fromKubeconfig: TlsOptions | undefined, fromFlags: TlsOptions | undefined) {
  if (!fromFlags) return fromKubeconfig;
  return { ...fromKubeconfig, ...fromFlags };
}

function kubeconfigWithEndpoint(): CliError {
  return new CliError(
    CliErrorCode.usage,
    '--auth kubeconfig reaches KFP through the Kubernetes API server, so it takes no --endpoint (nor a profile ' +
      'kfpEndpoint): drop the endpoint, or set --kube-service namespace/name:port to choose the Service.',
    ExitCode.usage,
  );
}

/** The library's environment default, or undefined when it has none (the caller's message then says what to set). */
function fromEnvironment(resolve: () => string): string | undefined {
  try {
    return resolve();
  } catch {
    return undefined;
  }
}
