/**
 * Reads the `exp` claim of a JWT without verifying it: the server verifies;
 * the client only needs to know when to stop sending it. Returns epoch
 * milliseconds, or undefined for anything that is not a JWT with a numeric `exp`
 * (opaque tokens are valid too).
 */
export function jwtExpiresAt(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const exp = claims && typeof claims === 'object' ? (claims as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
