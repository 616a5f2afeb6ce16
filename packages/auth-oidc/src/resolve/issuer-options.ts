import { requireHttpUrl } from '@ml-platform/core';
import { PLUGIN_NAME } from '../errors.js';
import type { OidcAuthOptions } from '../options.js';
import { configError, optionalBoolean, optionalString } from './option-readers.js';

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** The issuer URL, and whether plain http to it is allowed (loopback, or `allowHttpIssuer`). */
export function resolveIssuer(options: OidcAuthOptions): { issuer: URL; insecure: boolean } {
  const text = optionalString(options, 'issuer');
  if (text === undefined) {
    throw configError(
      'issuer is required: the OpenID Provider URL, e.g. https://kubeflow.example.com/dex (deployKF) or ' +
        'https://keycloak.example.com/realms/<realm>.',
    );
  }
  optionalBoolean(options, 'allowHttpIssuer');
  const issuer = requireHttpUrl('issuer', text, {
    example: 'https://kubeflow.example.com/dex',
    plugin: PLUGIN_NAME,
    noQuery: true,
  });
  const insecure = issuer.protocol === 'http:';
  if (insecure && !LOOPBACK_HOSTS.test(issuer.hostname) && options.allowHttpIssuer !== true) {
    throw configError(
      `issuer ${issuer.origin} uses http:// on a non-loopback host: tokens and secrets would cross the network ` +
        'in clear text. Use https://, or set allowHttpIssuer: true for a trusted development network.',
    );
  }
  return { issuer, insecure };
}
