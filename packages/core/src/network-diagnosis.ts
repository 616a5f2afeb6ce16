// Loaded by network-error.ts with import() when a request has failed below HTTP, so no client
// carries these texts at startup.
import { MlPlatformError } from './errors.js';
import { causes, type FailureContext, NetworkErrorCode, networkCauseCode } from './network-cause.js';
import { redactUrl } from './redact.js';

/** What a network failure is about, for a message that says what to do. */
interface Diagnosis {
  code: (typeof NetworkErrorCode)[keyof typeof NetworkErrorCode];
  reason: string;
}

const TLS_CODE = /CERT|SSL|TLS|SIGNATURE|ISSUER|DEPTH_ZERO|OSSL|PEM|HOSTNAME_MISMATCH/;

function diagnose(error: unknown, url: URL, context: FailureContext): Diagnosis {
  const chain = causes(error);
  const code = networkCauseCode(error);
  const messages = chain.map((cause) => String(cause.message ?? ''));
  const host = url.host;
  const innermost = messages.at(-1) ?? '';
  const tunnel = messages.find((message) => /Proxy response \((\d+)\)/.test(message));
  if (tunnel) {
    const status = /Proxy response \((\d+)\)/.exec(tunnel)?.[1];
    const hint =
      // 407 is the standard answer; tinyproxy and some others answer 401.
      status === '407' || status === '401'
        ? 'the proxy refused the credentials or wants some: put them in the proxy URL (http://user:password@proxy:port)'
        : status === '403'
          ? 'the proxy does not allow this destination or port'
          : 'the proxy could not reach the server';
    return {
      code: NetworkErrorCode.proxy,
      reason: `the proxy ${context.proxy} answered ${status} to CONNECT ${host}: ${hint}.`,
    };
  }
  if (
    context.proxy &&
    (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH')
  ) {
    return {
      code: NetworkErrorCode.proxy,
      reason: `could not reach the proxy ${context.proxy} (${code}): check the proxy URL or HTTPS_PROXY/HTTP_PROXY, or set proxy: false to connect directly.`,
    };
  }
  if (code && TLS_CODE.test(code)) {
    // Node 22 reports the server's TLS 1.3 alert 116 where Node 20 saw the socket close.
    const hint = /CERTIFICATE_REQUIRED/.test(code)
      ? 'the server requires a client certificate: pass tls.cert and tls.key'
      : /OSSL|PEM|KEY/.test(code)
        ? 'check tls.cert and tls.key: the key must be the unencrypted PEM key of that certificate'
        : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
          ? `the certificate is not issued for ${url.hostname}: use the host name it names`
          : 'the server certificate is not trusted: pass the cluster CA as tls.ca (e.g. the in-cluster ca.crt)';
    return {
      code: NetworkErrorCode.tls,
      reason: `TLS handshake with ${host} failed (${code}: ${innermost.trim()}); ${hint}.`,
    };
  }
  switch (code) {
    case 'ECONNREFUSED':
      return {
        code: NetworkErrorCode.network,
        reason: `connection refused (ECONNREFUSED): nothing listens on ${host}. Check the host and port in the URL, and that the service (or your kubectl port-forward) is running.`,
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return {
        code: NetworkErrorCode.network,
        reason: `unknown host ${url.hostname} (${code}): DNS could not resolve it. Check the host name (in a cluster: <service>.<namespace>.svc.cluster.local).`,
      };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return {
        code: NetworkErrorCode.network,
        reason:
          `the connection to ${host} was closed before an answer (${code})` +
          (url.protocol === 'https:' && !context.clientCertificate
            ? '; if the server requires a client certificate, pass tls.cert and tls.key.'
            : '.'),
      };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return {
        code: NetworkErrorCode.network,
        reason: `connecting to ${host} timed out (${code}): is a firewall dropping it?`,
      };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return {
        code: NetworkErrorCode.network,
        reason: `no route to ${host} (${code}): check the network or VPN.`,
      };
  }
  if (messages.some((message) => message === 'bad port')) {
    return {
      code: NetworkErrorCode.network,
      reason: `port ${url.port} is one fetch refuses to use (the Fetch standard's "bad ports", kept for other protocols): serve or port-forward on another port.`,
    };
  }
  if (chain.some((cause) => cause.name === 'HTTPParserError')) {
    return {
      code: NetworkErrorCode.network,
      reason: `${host} did not answer in HTTP (${innermost}): is this the right port, or an https:// server addressed with http://?`,
    };
  }
  return {
    code: NetworkErrorCode.network,
    reason: `${innermost || 'network failure'}${code ? ` (${code})` : ''}.`,
  };
}

/**
 * The error for `failure` of `request`: what happened, named by the call, with
 * what to do, keeping the original as `cause`.
 */
export function describeNetworkFailure(
  failure: TypeError,
  request: Request,
  url: URL,
  context: FailureContext,
): MlPlatformError {
  const { code, reason } = diagnose(failure, url, context);
  const via = context.proxy && code !== NetworkErrorCode.proxy ? ` through ${context.proxy}` : '';
  return new MlPlatformError(code, `${request.method} ${callSite(url)}${via} failed: ${reason}`, {
    cause: failure,
  });
}

/**
 * Origin and path: where the call went. The query is left out, as nothing in
 * it explains a network failure and a login flow's query can hold one-time secrets.
 */
function callSite(url: URL): string {
  return `${redactUrl(`${url.origin}${url.pathname}`)}${url.search ? '?[query omitted]' : ''}`;
}
