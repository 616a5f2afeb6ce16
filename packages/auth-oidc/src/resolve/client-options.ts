import { DEPLOYKF_DEFAULTS } from '../defaults.js';
import type { ClientAuthMethod, OidcAuthOptions, OidcFlow } from '../options.js';
import { configError, oneOf, optionalString } from './option-readers.js';

/** Who the plugin is at the provider: the client, its secret and how the secret is presented. */
export interface ClientOptions {
  clientId: string;
  clientSecret: string | undefined;
  clientAuthMethod: ClientAuthMethod | undefined;
}

/**
 * The client and its secret, checked against each other and the flow: a
 * public client (`none`) has no secret, a secret method needs one, and only a
 * confidential client may use `client_credentials`. The interactive flows
 * default to deployKF's public client.
 */
export function resolveClient(
  options: OidcAuthOptions,
  flow: OidcFlow,
  interactiveFlow: boolean,
): ClientOptions {
  const clientSecret = optionalString(options, 'clientSecret');
  const clientAuthMethod = oneOf(options, 'clientAuthMethod', [
    'client_secret_basic',
    'client_secret_post',
    'none',
  ] as const);
  if (clientAuthMethod === 'none' && clientSecret !== undefined) {
    throw configError(
      "clientAuthMethod 'none' is for public clients: leave clientSecret out, or pick a secret method.",
    );
  }
  if (clientAuthMethod && clientAuthMethod !== 'none' && clientSecret === undefined) {
    throw configError(`clientAuthMethod '${clientAuthMethod}' needs clientSecret.`);
  }
  const clientId =
    optionalString(options, 'clientId') ?? (interactiveFlow ? DEPLOYKF_DEFAULTS.clientId : undefined);
  if (clientId === undefined) {
    throw configError(`clientId is required for flow '${flow}' (the client registered at the provider).`);
  }
  if (flow === 'client_credentials' && clientSecret === undefined) {
    throw configError("flow 'client_credentials' needs clientSecret: only confidential clients can use it.");
  }
  return { clientId, clientSecret, clientAuthMethod };
}
