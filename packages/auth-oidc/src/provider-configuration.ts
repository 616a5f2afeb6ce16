import { createTransport } from '@ml-platform/core';
import * as client from 'openid-client';
import type { ClientAuthMethod, ResolvedOptions } from './options.js';
import { toOidcAuthError } from './provider-errors.js';

const USER_AGENT = '@ml-platform/auth-oidc';

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
 * Discovery and every token call go through core's transport, so `tls` (ca,
 * cert/key, insecureSkipVerify), `proxy`, `timeoutMs` and a custom `fetch` apply to them exactly
 * as to API calls. Plain HTTP is allowed only where options validation allowed
 * it (loopback, or `allowHttpIssuer`).
 */
function customFetchFor(options: ResolvedOptions): client.CustomFetch {
  const send = createTransport({
    fetch: options.fetch,
    proxy: options.proxy,
    tls: options.tls,
    timeoutMs: options.timeoutMs,
    userAgent: USER_AGENT,
    sentSecrets: options.sentSecrets,
  });
  return (url, init) =>
    send(
      new Request(url, {
        method: init.method,
        headers: init.headers,
        body: init.body as BodyInit | null | undefined,
        redirect: init.redirect,
        signal: init.signal ?? null,
      }),
    );
}

/**
 * The provider's configuration, discovered once on first use. A failed
 * discovery is not remembered: the next request tries again.
 */
export function createConfigurationLoader(options: ResolvedOptions): () => Promise<client.Configuration> {
  let discovered: Promise<client.Configuration> | undefined;
  // Built once, when the plugin is created: a bad proxy or tls option fails there, and connections are reused.
  const customFetch = customFetchFor(options);
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
