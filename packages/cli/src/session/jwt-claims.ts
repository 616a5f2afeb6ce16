/**
 * The claims of a JWT, read without verifying it (the server verifies):
 * only to tell the user who they are logged in as. Empty for an opaque token.
 */
export function jwtClaims(token: string): { email?: string; sub?: string; iss?: string; exp?: number } {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' ? (claims as Record<string, never>) : {};
  } catch {
    return {};
  }
}
