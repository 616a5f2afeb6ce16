import { randomBytes } from 'node:crypto';

export interface ServiceAccountJwtClaims {
  /** Seconds since the epoch. */
  exp: number;
  aud?: string[];
}

/**
 * A token shaped like the ones the kubelet projects (an RS256 JWT from the API
 * server's TokenRequest, with `aud`, `exp`, `iat`, `iss`, `sub` and the
 * `kubernetes.io` claim). The signature is random bytes: the emulated server
 * compares tokens, as a TokenReview would, rather than verifying signatures.
 */
export function serviceAccountJwt({
  exp,
  aud = ['pipelines.kubeflow.org'],
}: ServiceAccountJwtClaims): string {
  const iat = exp - 7200;
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = { alg: 'RS256', kid: 'test-signing-key' };
  const claims = {
    aud,
    exp,
    iat,
    nbf: iat,
    iss: 'https://kubernetes.default.svc.cluster.local',
    sub: 'system:serviceaccount:team-a:default-editor',
    'kubernetes.io': {
      namespace: 'team-a',
      serviceaccount: { name: 'default-editor', uid: 'b6f3e0f1-0000-4000-8000-000000000001' },
    },
  };
  return `${encode(header)}.${encode(claims)}.${randomBytes(256).toString('base64url')}`;
}

/** A projected token valid for `lifetimeSeconds` from now (kfp's PodDefault asks for 7200). */
export function freshServiceAccountJwt(lifetimeSeconds = 7200): string {
  return serviceAccountJwt({ exp: Math.floor(Date.now() / 1000) + lifetimeSeconds });
}
