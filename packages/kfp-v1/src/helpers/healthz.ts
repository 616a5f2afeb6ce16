import { unwrap } from '@ml-platform/core';
import type { KfpV1Client } from '../client.js';
import type { HealthzResponse } from '../schemas.js';

/**
 * The API server's health: `multi_user` says whether calls need a namespace
 * (Kubeflow profiles). One request, no retries: wrap it if the server may
 * still be starting.
 */
export async function getHealthz(
  client: KfpV1Client,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<HealthzResponse> {
  return unwrap(await client.GET('/apis/v1beta1/healthz', { signal: options.signal }));
}
