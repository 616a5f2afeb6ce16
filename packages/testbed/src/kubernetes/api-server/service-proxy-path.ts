/** A parsed `/api/v1/namespaces/{ns}/services/{scheme:}{name}{:port}/proxy{/path}` request. */
export interface ServiceProxyTarget {
  readonly namespace: string;
  /** The id as given, `https:ml-pipeline:http`, for messages. */
  readonly id: string;
  readonly scheme: '' | 'http' | 'https';
  readonly name: string;
  /** The port's name or number as given; '' when left out. */
  readonly port: string;
  /** What follows `/proxy`, with the query: the path the Service receives. */
  readonly path: string;
}

const PROXY_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/services\/([^/]+)\/proxy(\/.*)?$/;

/**
 * Recognises the service proxy path (kube-apiserver pkg/registry/core/service
 * `ProxyREST`) and splits its id as `net.SplitSchemeNamePort` does: `name`,
 * `name:port` or `scheme:name:port`, scheme '' / http / https. Returns
 * undefined for other paths, `invalid` for a malformed id (a 400).
 */
export function parseServiceProxyPath(url: string): ServiceProxyTarget | 'invalid' | undefined {
  const parsed = new URL(url, 'https://kube-apiserver.invalid');
  const match = PROXY_PATH.exec(parsed.pathname);
  if (!match) return undefined;
  const namespace = decodeURIComponent(match[1] ?? '');
  const id = decodeURIComponent(match[2] ?? '');
  const parts = id.split(':');
  let scheme = '';
  let name = '';
  let port = '';
  if (parts.length === 1) [name = ''] = parts;
  else if (parts.length === 2) [name = '', port = ''] = parts;
  else if (parts.length === 3) [scheme = '', name = '', port = ''] = parts;
  else return 'invalid';
  if (name === '' || (scheme !== '' && scheme !== 'http' && scheme !== 'https')) return 'invalid';
  return { namespace, id, scheme, name, port, path: `${match[3] ?? '/'}${parsed.search}` };
}
