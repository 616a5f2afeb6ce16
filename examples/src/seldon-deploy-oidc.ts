/**
 * Seldon Deploy with an OIDC ID token, as Seldon Deploy's own SDK gets one:
 * the password grant of a confidential client at your identity provider
 * (Keycloak, Dex...). The plugin caches the token and refreshes it before it
 * expires. For a CI job without a user, use flow 'client_credentials'.
 *
 * Environment: SELDON_DEPLOY_URL (https://<host>/seldon-deploy/api/v1alpha1),
 * SELDON_NAMESPACE, OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
 * OIDC_USERNAME, OIDC_PASSWORD.
 */
import { oidcAuth, SELDON_DEPLOY_DEFAULTS } from '@ml-platform/auth-oidc';
import { createSeldonDeployClient, listSeldonDeployments } from '@ml-platform/seldon-deploy-v1alpha1';
import { requireEnv } from './env.js';

const auth = oidcAuth({
  ...SELDON_DEPLOY_DEFAULTS,
  issuer: requireEnv('OIDC_ISSUER', 'https://keycloak.example.com/realms/deploy'),
  flow: 'password',
  clientId: requireEnv('OIDC_CLIENT_ID', 'sd-api'),
  clientSecret: requireEnv('OIDC_CLIENT_SECRET', '<the client secret>'),
  username: requireEnv('OIDC_USERNAME', 'alice'),
  password: requireEnv('OIDC_PASSWORD', '<her password>'),
});
const seldon = createSeldonDeployClient({
  baseUrl: requireEnv('SELDON_DEPLOY_URL', 'https://ml.example.com/seldon-deploy/api/v1alpha1'),
  auth,
});

const namespace = requireEnv('SELDON_NAMESPACE', 'seldon');
const deployments = await listSeldonDeployments(seldon, namespace);
console.log(`${deployments.length} SeldonDeployment(s) in ${namespace}`);
for (const deployment of deployments) {
  console.log(`  ${deployment.metadata?.name}: ${deployment.status?.state ?? 'no status yet'}`);
}
