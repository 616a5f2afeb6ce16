/**
 * A `notFoundHint` for APIs that a gateway serves under a path prefix (KFP
 * behind Kubeflow's gateway: `/pipeline`). When a 404 did not come from the
 * API itself and `baseUrl` lacks the prefix, the error says where the API
 * usually is, the way the HTML-page error points at a login page.
 */
export function pathPrefixHint(prefix: string, example: string): (baseUrl: URL) => string | undefined {
  return (baseUrl) => {
    if (baseUrl.pathname.replace(/\/+$/, '').endsWith(prefix)) return undefined;
    return (
      `The 404 did not come from the API, and baseUrl ${baseUrl.origin}${baseUrl.pathname.replace(/\/+$/, '')} ` +
      `has no ${prefix} path: behind a gateway the API is usually served under it (e.g. ${example}).`
    );
  };
}
