import { randomBytes } from 'node:crypto';
import type { ClientMetadata } from 'oidc-provider';

/** A confidential client: id plus secret, and how it must authenticate at the token endpoint. */
export interface ConfidentialTestClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly authMethod: 'client_secret_basic' | 'client_secret_post';
}

/** A public (native) client: no secret, PKCE required. */
export interface PublicTestClient {
  readonly clientId: string;
  /** Registered redirect URIs; loopback ones accept any port (RFC 8252 section 7.3). */
  readonly redirectUris: readonly string[];
}

export interface TestClients {
  /** `client_credentials`, registered for the provider's first secret method (HTTP Basic by default). */
  readonly clientCredentials: ConfidentialTestClient;
  /**
   * `client_credentials`, registered for `client_secret_post`. oidc-provider accepts
   * either secret method from any secret client; to see which one a client picks,
   * start the provider with `clientAuthMethods: ['client_secret_post']`.
   */
  readonly clientCredentialsPost: ConfidentialTestClient;
  /** Seldon Deploy's `password_grant` client: `password` + `refresh_token`. */
  readonly password: ConfidentialTestClient;
  /**
   * A confidential client for the authorization code flow (Seldon Deploy's own
   * app client, Keycloak's default kind): a secret at the token endpoint beside
   * PKCE, out-of-band and loopback redirects, refresh token.
   */
  readonly authorizationCode: ConfidentialTestClient & { readonly redirectUris: readonly string[] };
  /**
   * deployKF's public `kubeflow-pipelines-sdk` client: authorization code (out-of-band
   * and loopback redirects), device code and refresh token.
   */
  readonly kubeflowSdk: PublicTestClient;
  /** `machineClients` extra `client_credentials` clients (`machine-0`, ...), for many cache entries. */
  readonly machines: readonly ConfidentialTestClient[];
}

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const OUT_OF_BAND_REDIRECT = 'urn:ietf:wg:oauth:2.0:oob';

function secret(): string {
  return `secret-${randomBytes(18).toString('base64url')}`;
}

function confidential(
  clientId: string,
  authMethod: ConfidentialTestClient['authMethod'],
): ConfidentialTestClient {
  return { clientId, clientSecret: secret(), authMethod };
}

export function createTestClients(
  machineClients: number,
  secretMethod: ConfidentialTestClient['authMethod'],
): TestClients {
  return {
    clientCredentials: confidential('ml-pipeline-batch', secretMethod),
    clientCredentialsPost: confidential('ml-pipeline-batch-post', 'client_secret_post'),
    password: confidential('seldon-deploy', secretMethod),
    authorizationCode: {
      ...confidential('seldon-deploy-app', secretMethod),
      redirectUris: [OUT_OF_BAND_REDIRECT, 'http://127.0.0.1/callback'],
    },
    kubeflowSdk: {
      clientId: 'kubeflow-pipelines-sdk',
      redirectUris: [OUT_OF_BAND_REDIRECT, 'http://127.0.0.1/callback', 'http://[::1]/callback'],
    },
    machines: Array.from({ length: machineClients }, (_, index) =>
      confidential(`machine-${index}`, secretMethod),
    ),
  };
}

/** The provider's static client registrations for `clients`. */
export function clientRegistrations(clients: TestClients): ClientMetadata[] {
  const machine = (client: ConfidentialTestClient): ClientMetadata => ({
    client_id: client.clientId,
    client_secret: client.clientSecret,
    token_endpoint_auth_method: client.authMethod,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  });
  return [
    machine(clients.clientCredentials),
    machine(clients.clientCredentialsPost),
    ...clients.machines.map(machine),
    {
      client_id: clients.password.clientId,
      client_secret: clients.password.clientSecret,
      token_endpoint_auth_method: clients.password.authMethod,
      grant_types: ['password', 'refresh_token'],
      response_types: [],
      redirect_uris: [],
    },
    {
      client_id: clients.authorizationCode.clientId,
      client_secret: clients.authorizationCode.clientSecret,
      // native: loopback redirects on any port (RFC 8252 section 7.3), as for the public client.
      application_type: 'native',
      token_endpoint_auth_method: clients.authorizationCode.authMethod,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [...clients.authorizationCode.redirectUris],
    },
    {
      client_id: clients.kubeflowSdk.clientId,
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT],
      response_types: ['code'],
      redirect_uris: [...clients.kubeflowSdk.redirectUris],
    },
  ];
}
