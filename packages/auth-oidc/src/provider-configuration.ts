import * as client from 'openid-client';
import type { ClientAuthMethod, ResolvedOptions } from './options.js';

/**
 * `client_secret_basic` is what RFC 8414 assumes when a provider lists nothing,
 * and what Keycloak and Dex accept; `client_secret_post` only when the
 * provider advertises it alone. An explicit `clientAuthMethod` always wins.
 */
function clientAuthentication(
  method: ClientAuthMethod | undefined,
  secret: string | undefined,
): client.ClientAuth {
  if (secret === undefined || method === 'none') return client.None();
  if (method === 'client_secret_post') return client.ClientSecretPost(secret);
  if (method === 'client_secret_basic') return client.ClientSecretBasic(secret);
  const basic = client.ClientSecretBasic(secret);
  const post = client.ClientSecretPost(secret);
  return (server, metadata, body, headers) => {
    const supported = server.token_endpoint_auth_methods_supported;
    const onlyPost =
      Array.isArray(supported) &&
      supported.includes('client_secret_post') &&
      !supported.includes('client_secret_basic');
    (onlyPost ? post : basic)(server, metadata, body, headers);
  };
}

/**
 * The provider's configuration, discovered once on first use. A failed
 * discovery is not remembered: the next request tries again.
 */
export function createConfigurationLoader(
  options: ResolvedOptions,
  customFetch: client.CustomFetch,
): () => Promise<client.Configuration> {
  let discovered: Promise<client.Configuration> | undefined;
  const discover = async (): Promise<client.Configuration> => {
    try {
      const configuration = await client.discovery(
        options.issuer,
        options.clientId,
        undefined,
        clientAuthentication(options.clientAuthMethod, options.clientSecret),
        {
          [client.customFetch]: customFetch,
          timeout: Math.ceil(options.timeoutMs / 1000),
          execute: options.allowInsecureRequests ? [client.allowInsecureRequests] : [],
        },
      );
      configuration.timeout = Math.ceil(options.timeoutMs / 1000);
      return configuration;
    } catch (error) {
      // The failure texts load only when something fails.
      const { toOidcAuthError } = await import('./provider-errors.js');
      throw toOidcAuthError(error, {
        step: 'discovery',
        issuer: options.issuer.href,
        clientId: options.clientId,
        secrets: [options.clientSecret, options.password, ...options.sentSecrets],
      });
    }
  };
  return () => {
    discovered ??= discover().catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
}
