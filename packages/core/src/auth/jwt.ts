/**
 * The claims of a JWT, read without verifying it (the server verifies): to
 * tell a user who a token is for (`email`, `sub`, `iss`) or when it expires.
 * Undefined for anything that is not a JWT with a JSON object payload
 * (opaque tokens are valid too).
 */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims: unknown = JSON.parse(decodeBase64Url(parts[1]));
    return claims && typeof claims === 'object' && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the `exp` claim of a JWT without verifying it: the server verifies;
 * the client only needs to know when to stop sending it. Returns epoch
 * milliseconds, or undefined for anything that is not a JWT with a numeric `exp`
 * (opaque tokens are valid too).
 */
export function jwtExpiresAt(token: string): number | undefined {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
}

/** base64url to text without Node's Buffer: core runs in browsers too. */
function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
  const binary = atob(padded);
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(binary, (char) => char.charCodeAt(0)),
  );
}
