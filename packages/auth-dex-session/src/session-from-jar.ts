import { CookieJar, canonicalDomain, domainMatch, type SerializedCookie } from 'tough-cookie';
import type { DexSession } from './session.js';

/**
 * Sessions shorter than this get no `expiresAt`: the cache treats a
 * credential as expired 30 s before it is, so a session of a minute or less
 * would be replaced on every request. A 401 still triggers the next login.
 */
const SHORTEST_TRACKED_LIFETIME_MS = 120_000;

/** A session holding only the cookies of `jar` that belong to the endpoint's host. */
export function sessionFor(endpoint: URL, jar: CookieJar, now = Date.now()): DexSession {
  const serialized = jar.serializeSync();
  const endpointJar = serialized
    ? CookieJar.deserializeSync({ ...serialized, cookies: serialized.cookies.filter(belongsTo(endpoint)) })
    : new CookieJar();
  const cookies = endpointJar.getCookiesSync(endpoint.href);
  const expiries = cookies
    .map((cookie) => cookie.expiryTime())
    .filter((time): time is number => time !== undefined && Number.isFinite(time));
  const earliest = expiries.length > 0 ? Math.min(...expiries) : undefined;
  const expiresAt =
    earliest !== undefined && earliest - now > SHORTEST_TRACKED_LIFETIME_MS ? earliest : undefined;
  const session = {
    value: cookies.map((cookie) => cookie.cookieString()).join('; '),
    expiresAt,
  } as DexSession;
  // Not enumerable: inspecting a session must not print every cookie twice.
  Object.defineProperty(session, 'jar', { value: endpointJar, enumerable: false });
  return session;
}

function belongsTo(endpoint: URL): (cookie: SerializedCookie) => boolean {
  const host = canonicalDomain(endpoint.hostname);
  return (cookie) => {
    const domain = typeof cookie.domain === 'string' ? cookie.domain : undefined;
    if (!domain || !host) return false;
    return cookie.hostOnly ? domain === host : domainMatch(host, domain, false) === true;
  };
}
