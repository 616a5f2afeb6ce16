/**
 * Which URLs belong to the login (Dex, oauth2-proxy, authservice): what the
 * check of every API response needs, apart from the login flow itself, which
 * loads only when a login happens.
 */

/** Where Dex turned out to be: its origin and the path it serves under (`/dex` in Kubeflow). */
export interface DexLocation {
  origin: string;
  pathPrefix: string;
}

/** `reference` resolved against `base`, or undefined when it is not a URL. */
export function resolve(reference: string, base: URL): URL | undefined {
  try {
    return new URL(reference, base);
  } catch {
    return undefined;
  }
}

/** An OAuth2 authorization request, as gateways send browsers to Dex's `<issuer>/auth`. */
export function isAuthorizationRequest(url: URL): boolean {
  const query = url.searchParams;
  return (
    /\/auth$/.test(url.pathname) &&
    query.has('client_id') &&
    query.has('redirect_uri') &&
    query.has('response_type')
  );
}

/** Whether `url` is under Dex's path on Dex's origin. */
export function isUnder(url: URL, dex: DexLocation, endpointOrigin: string): boolean {
  if (url.origin !== dex.origin) return false;
  // Dex at the root of the endpoint's own origin cannot be told apart from the application: treat neither as Dex.
  if (dex.pathPrefix === '') return dex.origin !== endpointOrigin;
  return url.pathname.startsWith(`${dex.pathPrefix}/`);
}

/** Paths of the login machinery on the gateway's origin (oauth2-proxy, authservice, Dex mounted there). */
export function isLoginPath(url: URL, dex: DexLocation | undefined, endpointOrigin: string): boolean {
  return (
    /^\/(oauth2|authservice)\//.test(url.pathname) || (dex !== undefined && isUnder(url, dex, endpointOrigin))
  );
}
