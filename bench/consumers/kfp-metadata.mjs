// Minimal consumer of @ml-platform/kfp-metadata: create a client, read one run's lineage.
import { createMetadataClient, getRunLineage } from '@ml-platform/kfp-metadata';

export async function runLineage(baseUrl, runId) {
  const mlmd = createMetadataClient({ baseUrl });
  return getRunLineage(mlmd, runId);
}
