// Minimal consumer of @ml-platform/auth-oidc: a KFP v2 client signed with a client_credentials token.
// Its size minus the kfp-v2 consumer's is what the plugin (and openid-client) adds.
import { oidcAuth } from '@ml-platform/auth-oidc';
import { createKfpV2Client } from '@ml-platform/kfp-v2';

export async function listExperiments(baseUrl, issuer, clientId, clientSecret) {
  const auth = oidcAuth({ issuer, flow: 'client_credentials', clientId, clientSecret });
  const kfp = createKfpV2Client({ baseUrl, auth });
  return (await kfp.GET('/apis/v2beta1/experiments')).data;
}
