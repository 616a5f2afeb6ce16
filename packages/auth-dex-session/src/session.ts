import type { Credential } from '@ml-platform/core';
import { CookieJar, canonicalDomain, domainMatch, type SerializedCookie } from 'tough-cookie';

/**
 * The credential the cache holds: the cookies the gateway set for the
 * endpoint's origin. `value` is their Cookie header for the endpoint (empty for
 * an endpoint without login), what the cache compares to tell sessions apart.
 */
export interface DexSession extends Credential {
  /** Only the endpoint origin's cookies; the Cookie header of each request is computed from it. */
  readonly jar: CookieJar;
}

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

const MEMOIZED_PATHS_PER_SESSION = 256;
const cookieHeaders = new WeakMap<DexSession, Map<string, string>>();

/**
 * The Cookie header of `session` for `url`, computed by the jar once per path:
 * a session's jar never changes after login, and asking tough-cookie on every
 * request was most of the plugin's per-request cost.
 */
export function cookieHeaderFor(session: DexSession, url: string): string {
  const path = new URL(url).pathname;
  let byPath = cookieHeaders.get(session);
  if (!byPath) {
    byPath = new Map();
    cookieHeaders.set(session, byPath);
  }
  let header = byPath.get(path);
  if (header === undefined) {
    header = session.jar.getCookieStringSync(url);
    if (byPath.size >= MEMOIZED_PATHS_PER_SESSION) byPath.clear();
    byPath.set(path, header);
  }
  return header;
}
