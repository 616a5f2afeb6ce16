import { requireText } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { SeldonDeployment } from '../schemas.js';
import {
  type ChangeOptions,
  createSeldonDeployment,
  findSeldonDeployment,
  updateSeldonDeployment,
} from './deployments.js';
import { readSeldonManifest, type SeldonManifestSource } from './manifest.js';
import { type WaitAvailableOptions, waitForSeldonDeploymentAvailable } from './wait-available.js';
import type { WaitGoneOptions } from './wait-gone.js';

export interface DeployOptions extends WaitAvailableOptions, ChangeOptions {
  /** Where to deploy; defaults to the manifest's `metadata.namespace`. */
  namespace?: string | undefined;
}

/**
 * What `deploySeldonDeployment` resolves to: the deployment once Available, and whether it was
 * created or updated.
 */
export interface DeployResult {
  /** The deployment once Available. */
  deployment: SeldonDeployment;
  /** Whether it was created (`true`) or an existing one was updated (`false`). */
  created: boolean;
}

/**
 * Creates the SeldonDeployment of `manifest`, or updates it when one of that
 * name exists (carrying its `resourceVersion`, so a concurrent change is a
 * 409 instead of being overwritten), then waits until it is Available for
 * the new generation. `onPoll` sees every status on the way; a `Failed`
 * state ends the wait at once with `SELDON_DEPLOYMENT_FAILED`, the
 * controller's description and the failing condition.
 */
export async function deploySeldonDeployment(
  client: SeldonDeployClient,
  manifest: SeldonManifestSource,
  options: DeployOptions = {},
): Promise<DeployResult> {
  const deployment = await readSeldonManifest(manifest);
  const namespace = requireText(
    'namespace (option or manifest metadata.namespace)',
    options.namespace ?? deployment.metadata?.namespace,
    "'seldon'",
  );
  const name = deployment.metadata?.name as string;
  const { signal, action, message } = options;
  const existing = await findSeldonDeployment(client, namespace, name, { signal });
  if (existing) {
    const resourceVersion = deployment.metadata?.resourceVersion ?? existing.metadata?.resourceVersion;
    await updateSeldonDeployment(
      client,
      { ...deployment, metadata: { ...deployment.metadata, resourceVersion } },
      { namespace, signal, action, message },
    );
  } else {
    await createSeldonDeployment(client, deployment, { namespace, signal, action, message });
  }
  const available = await waitForSeldonDeploymentAvailable(client, namespace, name, options);
  return { deployment: available, created: !existing };
}

export interface DeleteAndWaitOptions extends WaitGoneOptions, ChangeOptions {}
