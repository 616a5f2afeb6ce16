import { ConfigError, ConfigErrorCode } from '@ml-platform/core';
import type { KfpV2Client } from '@ml-platform/kfp-v2';
import type { SeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import type { GlobalOptions } from '../global-options.js';
import { redact } from '../secrets.js';
import { buildAuth } from './auth.js';
import { debugLog } from './debug-log.js';
import { selectProfile } from './profile.js';

export interface KfpConnection {
  client: KfpV2Client;
  /** The namespace to work in; undefined on single-user deployments. */
  namespace: string | undefined;
}

const writeDebug = (line: string) => process.stderr.write(`${redact(line)}\n`);
/** A plugin's own log lines, marked as debug output like the request log's. */
const pluginDebug = (line: string) => writeDebug(`mlp: debug: ${line}`);

/**
 * A KFP v2beta1 client from the flags, else the profile, else what the
 * library reads itself (KF_PIPELINES_ENDPOINT or the in-cluster service; the
 * namespace from ~/.config/kfp/context.json or the pod's namespace).
 */
export async function connectKfp(globals: GlobalOptions): Promise<KfpConnection> {
  const { name, profile } = selectProfile(globals);
  const { createKfpV2Client, resolveUserNamespace } = await import('@ml-platform/kfp-v2');
  const baseUrl = globals.endpoint ?? profile.kfpEndpoint;
  const auth = await buildAuth({
    profileName: name,
    profile,
    endpoint: baseUrl ?? process.env.KF_PIPELINES_ENDPOINT,
    interactive: false,
    debug: globals.debug ? pluginDebug : undefined,
  });
  const client = createKfpV2Client({
    baseUrl,
    auth,
    middleware: globals.debug ? [debugLog(writeDebug)] : [],
    userAgent: 'mlp',
  });
  const namespace = await resolveUserNamespace({ namespace: globals.namespace ?? profile.namespace });
  return { client, namespace };
}

export interface SeldonConnection {
  client: SeldonDeployClient;
  namespace: string;
}

/** A Seldon Deploy client: `--endpoint`, else the profile's seldonEndpoint, else SELDON_DEPLOY_URL. */
export async function connectSeldon(globals: GlobalOptions): Promise<SeldonConnection> {
  const { name, profile } = selectProfile(globals);
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
  const auth = await buildAuth({
    profileName: name,
    profile,
    endpoint: baseUrl,
    interactive: false,
    debug: globals.debug ? pluginDebug : undefined,
  });
  const client = seldon.createSeldonDeployClient({
    baseUrl,
    auth,
    middleware: globals.debug ? [debugLog(writeDebug)] : [],
    userAgent: 'mlp',
  });
  return {
    client,
    namespace: globals.namespace ?? profile.namespace ?? seldon.resolveSeldonNamespace(),
  };
}

/** The library's environment default, or undefined when it has none (the caller's message then says what to set). */
function fromEnvironment(resolve: () => string): string | undefined {
  try {
    return resolve();
  } catch {
    return undefined;
  }
}
