/** A cookie as the Go servers we emulate describe one (net/http's `http.Cookie`). */
export interface CookieSpec {
  name: string;
  value: string;
  path?: string;
  /** Seconds; a negative value deletes the cookie (written as `Max-Age=0`, as net/http does). */
  maxAge?: number;
  /** Written as `Expires=`; gorilla/sessions (oidc-authservice) sets it beside Max-Age. */
  expires?: Date;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'Lax' | 'Strict' | 'None';
}

/** The Set-Cookie value, attributes in the order Go's `Cookie.String()` writes them. */
export function formatSetCookie(cookie: CookieSpec): string {
  let text = `${cookie.name}=${cookie.value}`;
  if (cookie.path) text += `; Path=${cookie.path}`;
  if (cookie.expires) text += `; Expires=${cookie.expires.toUTCString()}`;
  if (cookie.maxAge !== undefined && cookie.maxAge > 0) text += `; Max-Age=${Math.floor(cookie.maxAge)}`;
  else if (cookie.maxAge !== undefined && cookie.maxAge < 0) text += '; Max-Age=0';
  if (cookie.httpOnly) text += '; HttpOnly';
  if (cookie.secure) text += '; Secure';
  if (cookie.sameSite) text += `; SameSite=${cookie.sameSite}`;
  return text;
}

/**
 * oauth2-proxy's cookie session store keeps each Set-Cookie under 4000
 * characters: a longer session is cut into `<name>_0`, `<name>_1`, ... with the
 * same attributes, each carrying as much of the value as fits
 * (pkg/sessions/cookie/session_store.go, `maxCookieLength`, `splitCookie`).
 */
export const OAUTH2_PROXY_MAX_COOKIE_LENGTH = 4000;

export function splitCookie(cookie: CookieSpec, maxLength = OAUTH2_PROXY_MAX_COOKIE_LENGTH): CookieSpec[] {
  if (formatSetCookie(cookie).length <= maxLength) return [cookie];
  const parts: CookieSpec[] = [];
  let rest = cookie.value;
  while (rest.length > 0) {
    const part = { ...cookie, name: `${cookie.name}_${parts.length}`, value: '' };
    const room = maxLength - formatSetCookie(part).length;
    part.value = rest.slice(0, room);
    rest = rest.slice(room);
    parts.push(part);
  }
  return parts;
}

/** The inverse, as oauth2-proxy's `loadCookie`: the whole cookie, else `_0`, `_1`, ... joined until one is missing. */
export function joinCookie(cookies: ReadonlyMap<string, string>, name: string): string | undefined {
  const whole = cookies.get(name);
  if (whole !== undefined) return whole;
  let value = '';
  for (let index = 0; cookies.has(`${name}_${index}`); index += 1) value += cookies.get(`${name}_${index}`);
  return value === '' ? undefined : value;
}
