import type { JsonWebKey } from 'node:crypto';
import type { JwksSource } from './jwks-source.js';
import { type DecodedJwt, decodeJwt, verifyRs256 } from './jwt.js';

/**
 * One issuer the gateway trusts: an entry of an Istio RequestAuthentication's
 * `jwtRules` (issuer, jwksUri, audiences, outputClaimToHeaders).
 */
export interface JwtRule {
  /** A short name used in route policies and logs, e.g. `kubernetes` or `oidc`. */
  name: string;
  /** The `iss` the token must carry. */
  issuer: string;
  jwks: JwksSource;
  /** The token's `aud` must contain one of these. Default: any audience. */
  audiences?: readonly string[];
  /**
   * The claim that names the user, put in `kubeflow-userid` (Kubeflow maps
   * `email` for Dex tokens, `sub` for ServiceAccount tokens).
   */
  userClaim: string;
}

export type JwtVerdict =
  | { ok: true; rule: JwtRule; user: string; claims: Readonly<Record<string, unknown>> }
  | { ok: false; message: string };

/**
 * Authenticates a bearer token the way Envoy's jwt_authn filter does behind an
 * Istio RequestAuthentication, with its messages (jwt_verify_lib status.cc):
 * the rule is chosen by `iss`, then signature, time and audience are checked.
 */
export async function verifyBearerJwt(
  token: string,
  rules: readonly JwtRule[],
  now = Date.now(),
): Promise<JwtVerdict> {
  const jwt = decodeJwt(token);
  if (!jwt)
    return {
      ok: false,
      message: 'Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections',
    };
  const rule = rules.find((candidate) => candidate.issuer === jwt.claims.iss);
  if (!rule) return { ok: false, message: 'Jwt issuer is not configured' };
  if (!(await signatureMatches(jwt, rule))) return { ok: false, message: 'Jwt verification fails' };
  const seconds = now / 1000;
  const { exp, nbf } = jwt.claims;
  if (typeof exp === 'number' && exp <= seconds) return { ok: false, message: 'Jwt is expired' };
  if (typeof nbf === 'number' && nbf > seconds) return { ok: false, message: 'Jwt not yet valid' };
  if (rule.audiences && !audiencesOf(jwt).some((audience) => rule.audiences?.includes(audience))) {
    return { ok: false, message: 'Audiences in Jwt are not allowed' };
  }
  const user = jwt.claims[rule.userClaim];
  if (typeof user !== 'string' || user === '')
    return { ok: false, message: `Jwt has no ${rule.userClaim} claim` };
  return { ok: true, rule, user, claims: jwt.claims };
}

async function signatureMatches(jwt: DecodedJwt, rule: JwtRule): Promise<boolean> {
  const kid = jwt.header.kid;
  const matching = (keys: JsonWebKey[]) =>
    keys.filter((key) => kid === undefined || (key as { kid?: unknown }).kid === kid);
  let candidates = matching((await rule.jwks.keys()).keys);
  // An unknown key id means the issuer may have rotated its keys since they were fetched.
  if (candidates.length === 0) candidates = matching((await rule.jwks.keys({ refresh: true })).keys);
  return candidates.some((key) => verifyRs256(jwt, key));
}

function audiencesOf(jwt: DecodedJwt): string[] {
  const { aud } = jwt.claims;
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((entry): entry is string => typeof entry === 'string') : [];
}
