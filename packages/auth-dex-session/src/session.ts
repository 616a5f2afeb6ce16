import type { Credential } from '@ml-platform/core';
import type { CookieJar } from 'tough-cookie';

/**
 * The credential the cache holds: the cookies the gateway set for the
 * endpoint's origin. `value` is their Cookie header for the endpoint (empty for
 * an endpoint without login), what the cache compares to tell sessions apart.
 */
export interface DexSession extends Credential {
  /** Only the endpoint origin's cookies; the Cookie header of each request is computed from it. */
  readonly jar: CookieJar;
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
