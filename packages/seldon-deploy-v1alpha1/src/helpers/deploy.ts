import { isNotFound, requireText } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { SeldonDeployment } from '../schemas.js';
import {
  type ChangeOptions,
  createSeldonDeployment,
  deleteSeldonDeployment,
  findSeldonDeployment,
  getSeldonDeployment,
  updateSeldonDeployment,
} from './deployments.js';
import { SeldonErrorCode, SeldonWaitError } from './errors.js';
import { readSeldonManifest, type SeldonManifestSource } from './manifest.js';
import { type WaitAvailableOptions, waitForSeldonDeploymentAvailable } from './wait-available.js';
import { pollUntilGone, type WaitGoneOptions } from './wait-gone.js';

export interface DeployOptions extends WaitAvailableOptions, ChangeOptions {
  /** Where to deploy; defaults to the manifest's `metadata.namespace`. */
  namespace?: string;
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

/**
 * Deletes a SeldonDeployment and waits until the API no longer finds it
 * (its pods and services are gone with it). Already gone is not an error.
 */
export async function deleteSeldonDeploymentAndWait(
  client: SeldonDeployClient,
  namespace: string,
  name: string,
  options: DeleteAndWaitOptions = {},
): Promise<void> {
  const where = {
    namespace: requireText('namespace', namespace, "'seldon'"),
    name: requireText('name', name, "'iris-model'"),
  };
  const label = `SeldonDeployment ${where.namespace}/${where.name}`;
  try {
    await deleteSeldonDeployment(client, where.namespace, where.name, options);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  await pollUntilGone(
    (signal) => getSeldonDeployment(client, where.namespace, where.name, { signal }),
    options,
    (how, lastDeployment, cause) =>
      how === 'timeout'
        ? new SeldonWaitError(
            SeldonErrorCode.waitTimeout,
            `${label} was still there after timeoutMs (${options.timeoutMs} ms); a finalizer may be stuck.`,
            { ...where, lastDeployment, cause },
          )
        : new SeldonWaitError(
            SeldonErrorCode.waitAborted,
            `Waiting for ${label} to be deleted was cancelled.`,
            {
              ...where,
              lastDeployment,
              cause,
            },
          ),
  );
}
