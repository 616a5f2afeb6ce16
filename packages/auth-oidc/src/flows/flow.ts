import type { Configuration, TokenEndpointResponse } from 'openid-client';
import type { ResolvedOptions } from '../options.js';
import type { FailureContext, ProviderStep } from '../provider-errors.js';

/** One way of getting tokens without a refresh token: the last step of every acquisition. */
export interface Flow {
  readonly step: ProviderStep;
  /** Whether it needs a person (and so `interactive` and the prompt). */
  readonly interactive: boolean;
  obtain(configuration: Configuration): Promise<TokenEndpointResponse>;
}

/** `scope` and `resource` parameters, as every grant and authorization request sends them. */
export function requestParameters(options: ResolvedOptions, scope = options.scope): URLSearchParams {
  const parameters = new URLSearchParams();
  if (scope) parameters.set('scope', scope);
  for (const resource of options.resource) parameters.append('resource', resource);
  return parameters;
}

/** Runs a call to the provider and turns its failure into an OidcAuthError naming `step`. */
export async function callProvider<T>(
  options: ResolvedOptions,
  step: ProviderStep,
  call: () => Promise<T>,
  extraSecrets: ReadonlyArray<string | undefined> = [],
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const context: FailureContext = {
      step,
      issuer: options.issuer.href,
      clientId: options.clientId,
      username: options.username,
      secrets: [options.clientSecret, options.password, ...extraSecrets, ...options.sentSecrets],
    };
    // The failure texts load only when something fails.
    const { toOidcAuthError } = await import('../provider-errors.js');
    throw toOidcAuthError(error, context);
  }
}
