// Minimal consumer of @ml-platform/kfp-common: resolve the endpoint and link to a run.
import { resolveKfpEndpoint, runUiUrl } from '@ml-platform/kfp-common';

export function runLink(env, runId) {
  return runUiUrl(resolveKfpEndpoint(env), runId);
}
