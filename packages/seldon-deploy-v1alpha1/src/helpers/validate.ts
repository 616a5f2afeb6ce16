import { requireText, unwrap } from '@ml-platform/core';
import type { SeldonDeployClient } from '../client.js';
import type { components } from '../generated/schema.js';
import type { SeldonDeployment } from '../schemas.js';

/** What Seldon Deploy answers about a deployment it validated: a code and a message. */
export type ValidationMessage = components['schemas']['Message'];

/** What {@link validateSeldonDeployment} checks: a deployment and the namespace it would go in. */
export interface ValidateSeldonDeploymentInput {
  /** The namespace the deployment would be created in. */
  namespace: string;
  /** The SeldonDeployment to check, as it would be created. */
  deployment: SeldonDeployment;
  /** Cancels the call. */
  signal?: AbortSignal | undefined;
}

/**
 * Asks Seldon Deploy whether `deployment` is valid in `namespace`, without
 * creating it (`ValidateSeldonDeployment`: a GET that carries the deployment
 * as its body, as the Python SDK sends it). Node.js only as tested: a
 * browser's fetch cannot send a body on GET (`BODY_ON_GET_UNSUPPORTED`); an
 * invalid deployment is the server's `ApiError`.
 */
export async function validateSeldonDeployment(
  client: SeldonDeployClient,
  input: ValidateSeldonDeploymentInput,
): Promise<ValidationMessage> {
  const namespace = requireText('namespace', input.namespace, "'seldon'");
  return unwrap(
    await client.GET('/namespaces/{namespace}/seldondeployments/validate', {
      params: { path: { namespace } },
      body: input.deployment,
      signal: input.signal,
    }),
  );
}
