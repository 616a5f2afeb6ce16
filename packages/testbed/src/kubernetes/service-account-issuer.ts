import {
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  randomUUID,
  sign,
} from 'node:crypto';

/** The issuer of a kubeadm/kind API server's ServiceAccount tokens (`--service-account-issuer`). */
export const KUBERNETES_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** The audience Kubeflow Pipelines asks the kubelet for (its PodDefault) and checks in its TokenReview. */
export const KFP_TOKEN_AUDIENCE = 'pipelines.kubeflow.org';

/** The API server's minimum `expirationSeconds` for a TokenRequest (10 minutes). */
const MIN_EXPIRATION_SECONDS = 600;

export interface ServiceAccountRef {
  namespace: string;
  name: string;
}

export interface TokenRequest {
  serviceAccount: ServiceAccountRef;
  /** `spec.audiences`. Default: the issuer itself, as the API server does. */
  audiences?: string[];
  /** `spec.expirationSeconds`. Default 3600, at least 600 (the API server refuses less). */
  expirationSeconds?: number;
}

export interface ServiceAccountIssuer {
  readonly issuer: string;
  /** What the API server serves at `/openid/v1/jwks`: the public keys gateways verify tokens against. */
  jwks(): { keys: JsonWebKey[] };
  /** What `kubectl create token` and the kubelet's projected volumes get: a signed RS256 JWT. */
  createToken(request: TokenRequest): string;
}

/**
 * Stands in for the Kubernetes API server's TokenRequest API
 * (pkg/serviceaccount/claims.go): RS256 JWTs with `iss`, `sub`
 * `system:serviceaccount:<namespace>:<name>`, `aud`, `exp`, `iat`, `nbf`, `jti`
 * and the private `kubernetes.io` claim, signed with a key made for this
 * process, so a token from one test bed is refused by any other.
 */
export function createServiceAccountIssuer(issuer = KUBERNETES_ISSUER): ServiceAccountIssuer {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const publicJwk = publicJwkOf(privateKey, kid);
  const serviceAccountUids = new Map<string, string>();

  return {
    issuer,
    jwks: () => ({ keys: [publicJwk] }),
    createToken({ serviceAccount, audiences = [issuer], expirationSeconds = 3600 }) {
      if (expirationSeconds < MIN_EXPIRATION_SECONDS) {
        throw new Error(
          `expirationSeconds must be at least ${MIN_EXPIRATION_SECONDS}, as the API server requires.`,
        );
      }
      const key = `${serviceAccount.namespace}/${serviceAccount.name}`;
      const uid = serviceAccountUids.get(key) ?? randomUUID();
      serviceAccountUids.set(key, uid);
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        aud: audiences,
        exp: now + expirationSeconds,
        iat: now,
        iss: issuer,
        jti: randomUUID(),
        'kubernetes.io': {
          namespace: serviceAccount.namespace,
          serviceaccount: { name: serviceAccount.name, uid },
        },
        nbf: now,
        sub: `system:serviceaccount:${serviceAccount.namespace}:${serviceAccount.name}`,
      };
      return signRs256({ alg: 'RS256', kid }, claims, privateKey);
    },
  };
}

function publicJwkOf(privateKey: KeyObject, kid: string): JsonWebKey {
  return { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}

function signRs256(header: object, claims: object, privateKey: KeyObject): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(claims)}`;
  return `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
}
