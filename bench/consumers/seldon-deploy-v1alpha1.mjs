// Minimal consumer of @ml-platform/seldon-deploy-v1alpha1: create a client, make one call.
import { createSeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';

export async function listDeployments(baseUrl, namespace) {
  const seldon = createSeldonDeployClient({ baseUrl });
  const params = { path: { namespace } };
  return (await seldon.GET('/namespaces/{namespace}/seldondeployments', { params })).data;
}
