import { checkCooldownMs, checkTimeoutMs } from '@ml-platform/core';
import { DEPLOYKF_DEFAULTS } from '../defaults.js';
import { PLUGIN_NAME } from '../errors.js';
import type { OidcAuthOptions, OidcFlow } from '../options.js';
import type { OidcPrompt } from '../prompt.js';
import { configError, oneOf, optionalBoolean, optionalDuration, optionalString } from './option-readers.js';

const FLOWS: readonly OidcFlow[] = ['client_credentials', 'password', 'authorization_code', 'device_code'];
const INTERACTIVE_FLOWS: ReadonlySet<OidcFlow> = new Set(['authorization_code', 'device_code']);

/** The flow, and whether it needs a person. */
export function resolveFlow(options: OidcAuthOptions): { flow: OidcFlow; interactiveFlow: boolean } {
  const flow = oneOf(options, 'flow', FLOWS);
  if (!flow) throw configError(`flow is required: one of ${FLOWS.map((item) => `'${item}'`).join(', ')}.`);
  return { flow, interactiveFlow: INTERACTIVE_FLOWS.has(flow) };
}

/** The password grant's rules: a user and a password, and how long a refused password rests. */
export function resolvePasswordGrant(options: OidcAuthOptions, flow: OidcFlow) {
  const username = optionalString(options, 'username');
  const password = optionalString(options, 'password');
  if (flow === 'password' && (username === undefined || password === undefined)) {
    throw configError("flow 'password' needs username and password.");
  }
  const passwordCooldownMs = checkCooldownMs(options.passwordCooldownMs, 'passwordCooldownMs', PLUGIN_NAME);
  return { username, password, passwordCooldownMs };
}

/** What every grant asks for: the scopes, RFC 8707 resources, and which token signs requests. */
export function resolveTokenRequest(options: OidcAuthOptions, flow: OidcFlow) {
  const scope =
    optionalString(options, 'scope') ?? (flow === 'client_credentials' ? undefined : DEPLOYKF_DEFAULTS.scope);
  const resource = options.resource === undefined ? [] : [options.resource].flat();
  for (const item of resource) {
    if (typeof item !== 'string' || !URL.canParse(item)) {
      throw configError(`resource must be an absolute URI (RFC 8707), got ${JSON.stringify(item)}.`);
    }
  }
  const tokenType = oneOf(options, 'tokenType', ['id_token', 'access_token'] as const) ?? 'id_token';
  return { scope, resource: resource as readonly string[], tokenType };
}

/**
 * The interactive flows' rules: where the provider redirects to (the
 * out-of-band URI, or a loopback port), who talks to the user, whether anyone
 * may be asked, and how long a login may take.
 */
export function resolveLogin(options: OidcAuthOptions) {
  const redirect = oneOf(options, 'redirect', ['out-of-band', 'loopback'] as const) ?? 'out-of-band';
  const redirectUri = optionalString(options, 'redirectUri') ?? DEPLOYKF_DEFAULTS.redirectUri;
  if (redirect === 'loopback' && options.redirectUri !== undefined) {
    throw configError(
      "redirectUri is for redirect 'out-of-band'; the loopback redirect is http://127.0.0.1:<loopbackPort>/callback.",
    );
  }
  const loopbackPort = optionalDuration(options, 'loopbackPort', 0);
  if (!Number.isInteger(loopbackPort) || loopbackPort > 65_535) {
    throw configError(`loopbackPort must be an integer port (0 for any free port), got ${loopbackPort}.`);
  }
  const prompt = checkPrompt(options.prompt);
  optionalBoolean(options, 'interactive');
  checkTimeoutMs(options.loginTimeoutMs, PLUGIN_NAME, 'loginTimeoutMs');
  return {
    redirect,
    redirectUri,
    loopbackPort,
    prompt,
    interactive: options.interactive ?? true,
    loginTimeoutMs: optionalDuration(options, 'loginTimeoutMs', 300_000, 1),
  };
}

function checkPrompt(prompt: OidcPrompt | undefined): OidcPrompt | undefined {
  if (
    prompt !== undefined &&
    (typeof prompt !== 'object' ||
      prompt === null ||
      typeof prompt.showAuthorizationUrl !== 'function' ||
      typeof prompt.readAuthorizationCode !== 'function' ||
      typeof prompt.showDeviceCode !== 'function')
  ) {
    throw configError(
      'prompt must have showAuthorizationUrl, readAuthorizationCode and showDeviceCode functions.',
    );
  }
  return prompt;
}
