import {
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  randomUUID,
  verify,
} from 'node:crypto';

export interface SigningKey {
  /** The private JWK the provider signs ID tokens with (RS256, the default `id_token_signed_response_alg`). */
  readonly privateJwk: JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };
  readonly publicKey: KeyObject;
}

/** A fresh RSA key per provider, so no key material is committed or shared between tests. */
export function createSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateJwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomUUID(),
    alg: 'RS256',
    use: 'sig',
  } as const;
  return { privateJwk, publicKey: createPublicKey(privateKey) };
}

export interface VerifiedJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
}

/**
 * Checks an RS256 JWT's signature against `publicKey`, the way a gateway
 * checks it against the issuer's JWKS. Claims are the caller's to check.
 */
export function verifyRs256Jwt(token: string, publicKey: KeyObject): VerifiedJwt | undefined {
  const [encodedHeader, encodedPayload, signature] = token.split('.');
  if (!encodedHeader || !encodedPayload || !signature) return undefined;
  try {
    const header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    if (header.alg !== 'RS256') return undefined;
    const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
    if (!verify('sha256', signed, publicKey, Buffer.from(signature, 'base64url'))) return undefined;
    const payload = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    return { header, payload };
  } catch {
    return undefined;
  }
}
