import { checkOptions, SentSecrets } from '@ml-platform/core';
import { PLUGIN_NAME } from './errors.js';
import type { OidcAuthOptions, ResolvedOptions } from './options.js';
import { resolveClient } from './resolve/client-options.js';
import {
  resolveFlow,
  resolveLogin,
  resolvePasswordGrant,
  resolveTokenRequest,
} from './resolve/flow-options.js';
import { resolveIssuer } from './resolve/issuer-options.js';
import { resolveProviderCalls } from './resolve/provider-call-options.js';
import { resolveTokenCachePath } from './resolve/token-cache-options.js';

const KNOWN_OPTIONS = [
  'issuer',
  'flow',
  'clientId',
  'clientSecret',
  'clientAuthMethod',
  'scope',
  'tokenType',
  'resource',
  'username',
  'password',
  'passwordCooldownMs',
  'redirect',
  'redirectUri',
  'loopbackPort',
  'prompt',
  'interactive',
  'loginTimeoutMs',
  'tokenCache',
  'allowHttpIssuer',
  'tls',
  'timeoutMs',
  'fetch',
  'proxy',
  'skewMs',
  'refreshAheadMs',
  'now',
  'onWarning',
] as const satisfies readonly (keyof OidcAuthOptions)[];

/**
 * Checks every option up front (Octokit style) and fills in the defaults: one
 * resolver per concern (the issuer, the flow, the client and its secret, the
 * password grant, what tokens are asked for, the interactive login, the token
 * cache, calls to the provider), in the order a user reads the options table.
 */
export function resolveOptions(options: OidcAuthOptions): ResolvedOptions {
  checkOptions(options, KNOWN_OPTIONS, {
    plugin: PLUGIN_NAME,
    example: "{ issuer: 'https://kubeflow.example.com/dex', flow: 'authorization_code' }",
  });
  const { issuer, insecure } = resolveIssuer(options);
  const { flow, interactiveFlow } = resolveFlow(options);
  return {
    issuer,
    issuerText: options.issuer,
    allowInsecureRequests: insecure,
    flow,
    interactiveFlow,
    ...resolveClient(options, flow, interactiveFlow),
    ...resolvePasswordGrant(options, flow),
    ...resolveTokenRequest(options, flow),
    ...resolveLogin(options),
    tokenCachePath: resolveTokenCachePath(options, interactiveFlow),
    ...resolveProviderCalls(options),
    sentSecrets: new SentSecrets(),
  };
}
