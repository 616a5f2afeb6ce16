import { type DexLocation, isAuthorizationRequest, isLoginPath, resolve } from './login-urls.js';

/**
 * Whether an API response means the session is gone, so the plugin should log
 * in again and replay: a 401 (oauth2-proxy on `api_routes` or for JSON
 * requests, authservice for an expired token), or a redirect into the login
 * flow (authservice redirects every request without a live session to Dex,
 * oauth2-proxy with skip_provider_button to Dex, else to its sign-in page).
 * A 403 is not: it is an authorization decision a new login would not change.
 */
export function isSessionRejected(
  response: Response,
  request: Request,
  endpoint: URL,
  dex: DexLocation | undefined,
): boolean {
  if (response.status === 401) return true;
  if (response.status < 300 || response.status >= 400) return false;
  const location = response.headers.get('location');
  const target = location === null ? undefined : resolve(location, new URL(request.url));
  if (!target) return false;
  if (target.origin === endpoint.origin)
    return isLoginPath(target, dex, endpoint.origin) || isAuthorizationRequest(target);
  return target.origin === dex?.origin || isAuthorizationRequest(target);
}
