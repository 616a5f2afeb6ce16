import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';

export interface DecodedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** The three parts of a compact JWS, parsed; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, claims, signature] = parts as [string, string, string];
  try {
    return {
      header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
      claims: JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')),
      signingInput: `${header}.${claims}`,
      signature: Buffer.from(signature, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

/**
 * Checks an RS256 signature with a public JWK. Only RS256: it is what both
 * issuers of the test bed sign with (the Kubernetes API server's default and
 * oidc-provider's default `id_token_signed_response_alg`).
 */
export function verifyRs256(jwt: DecodedJwt, jwk: JsonWebKey): boolean {
  if (jwt.header.alg !== 'RS256' || jwk.kty !== 'RSA') return false;
  try {
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    return verify('sha256', Buffer.from(jwt.signingInput), key, jwt.signature);
  } catch {
    return false;
  }
}
