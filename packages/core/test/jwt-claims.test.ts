/** Reading a JWT's claims without verifying it: who a token is for, and when it expires. */
import { jwtClaims, jwtExpiresAt } from '@ml-platform/core';
import { describe, expect, it } from 'vitest';

const jwt = (claims: unknown) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('jwtClaims', () => {
  it('returns the payload of a JWT, non-ASCII included', () => {
    expect(jwtClaims(jwt({ sub: 'ünïcode', email: 'a@example.com', exp: 1_900_000_000 }))).toEqual({
      sub: 'ünïcode',
      email: 'a@example.com',
      exp: 1_900_000_000,
    });
    expect(jwtExpiresAt(jwt({ exp: 1_900_000_000 }))).toBe(1_900_000_000_000);
  });

  it('is undefined for an opaque token, a broken payload or a payload that is not an object', () => {
    for (const token of ['opaque-token', 'a.%%%.c', 'a..c', jwt([1, 2]), jwt('text'), jwt(null), 'a.b']) {
      expect(jwtClaims(token)).toBeUndefined();
      expect(jwtExpiresAt(token)).toBeUndefined();
    }
    expect(jwtExpiresAt(jwt({ exp: 'soon' }))).toBeUndefined();
  });
});
