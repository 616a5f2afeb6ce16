import type { Profile } from '../config/config-file.js';

/**
 * Who this `mlp` process signs its requests as, in words (profile, auth
 * kind, user, file), for an error that depends on it: a gateway's
 * `403 RBAC: access denied` says nothing about who was refused. One process
 * makes one connection, so this is set once, when it is made.
 */
let signingIdentity: string | undefined;

export function noteSigningIdentity(profileName: string | undefined, profile: Profile): void {
  const kind = profile.auth ?? 'in-pod (zero-config)';
  const details = [
    profile.username && `user ${profile.username}`,
    profile.auth === 'oidc' && profile.clientId && `client ${profile.clientId}`,
    profile.auth === 'oidc' && profile.issuer && `issuer ${profile.issuer}`,
    profile.auth === 'token' &&
      (profile.tokenFile ? `token file ${profile.tokenFile}` : 'token from MLP_TOKEN'),
    profile.auth === 'kubeconfig' && `kubeconfig context ${profile.context ?? '(current)'}`,
  ].filter(Boolean);
  signingIdentity =
    `${profileName ? `profile ${profileName}, ` : ''}--auth ${kind}` +
    (details.length ? ` (${details.join(', ')})` : '');
}

/** What {@link noteSigningIdentity} recorded, if a connection was made. */
export function describedSigningIdentity(): string | undefined {
  return signingIdentity;
}
