import type { FetchFunction } from '@ml-platform/core';
import { CookieJar } from 'tough-cookie';
import {
  DexSessionErrorCode as Code,
  DexLoginError,
  type DexSessionErrorCodeValue,
  type LoginStep,
} from './errors.js';
import { type HtmlForm, parseHtml } from './html-page.js';
import { type Hop, LoginBrowser } from './login-browser.js';
import { classifyPage, resolve } from './login-page.js';
import { type DexLocation, isUnder, OriginGuard } from './origin-guard.js';
import { redactLoginUrl, withoutCredentials } from './redaction.js';

export interface LoginFlowOptions {
  endpoint: URL;
  username: string;
  password: string;
  connector: string;
  dexOrigin: string | undefined;
  maxRedirects: number;
  send: FetchFunction;
  log: ((line: string) => void) | undefined;
}

export interface LoginFlowResult {
  /** Every cookie the flow collected; the caller keeps the endpoint's. */
  jar: CookieJar;
  /** True when the endpoint answered without asking for a login. */
  unsecured: boolean;
  /** Where Dex turned out to be, so later redirects into it can be recognised. */
  dex: DexLocation | undefined;
}

/** Pages larger than this are not login pages; reading stops there. */
const MAX_PAGE_BYTES = 1_000_000;

/**
 * Logs in through the gateway and Dex the way a browser would, one request at
 * a time, from a fresh cookie jar:
 *
 * endpoint -> (oauth2-proxy 403 sign-in page | 401 -> /oauth2/start?rd= | 302) -> Dex /auth
 * -> (connector chooser) -> /auth/<connector>/login form -> POST login, password
 * -> (approval: POST approval=approve) -> 303 gateway callback -> Set-Cookie session.
 *
 * It ends when the gateway's origin sets cookies and redirects back into the
 * application, or at once when the endpoint answers without a login. Every
 * other outcome is a {@link DexLoginError} naming the step and URL.
 */
export async function runLoginFlow(options: LoginFlowOptions): Promise<LoginFlowResult> {
  const { endpoint, username, password, connector } = options;
  const credentials = [password, username];
  const jar = new CookieJar();
  const browser = new LoginBrowser(options.send, jar, credentials, options.log);
  const guard = new OriginGuard(endpoint, options.dexOrigin);
  let dexSeen = false;
  let credentialsSent = false;
  let startTried = false;
  let from: URL | undefined;
  let hop: Hop = { step: 'endpoint', method: 'GET', url: endpoint };

  const stop = (code: DexSessionErrorCodeValue, at: Hop, status: number | undefined, detail: string) => {
    const where = `${at.method} ${redactLoginUrl(at.url)}${status === undefined ? '' : ` -> HTTP ${status}`}`;
    return new DexLoginError(
      code,
      withoutCredentials(`Login stopped at step "${at.step}" (${where}): ${detail}`, credentials),
      {
        step: at.step,
        url: redactLoginUrl(at.url),
        status,
      },
    );
  };
  const noSessionCookie = (at: Hop, status: number, refused: string[]) =>
    stop(
      Code.noSessionCookie,
      at,
      status,
      `the login went through Dex but the gateway set no session cookie for ${endpoint.origin}` +
        `${refused.length > 0 ? ` (the cookie jar refused ${refused.join(', ')})` : ''}. ` +
        'Behind plain http, the gateway must not mark its cookie Secure (oauth2-proxy: cookie_secure = false).',
    );
  const endpointCookies = () => jar.getCookieStringSync(endpoint.href);
  const result = (unsecured: boolean): LoginFlowResult => ({ jar, unsecured, dex: guard.dex });

  for (let requests = 0; requests < options.maxRedirects; requests += 1) {
    guard.admit(hop.url, from, hop.step);
    const { response, refusedCookies } = await browser.send(hop);
    const status = response.status;
    const onEndpoint = guard.isEndpoint(hop.url) && !guard.isDex(hop.url);
    if (guard.isDex(hop.url)) dexSeen = true;

    if (status >= 300 && status < 400 && status !== 304) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      const target = location === null ? undefined : resolve(location, hop.url);
      if (!target)
        throw stop(Code.unexpectedResponse, hop, status, 'a redirect without a usable Location header.');
      // The gateway's callback: it set the session and sends the browser back into the application.
      if (
        dexSeen &&
        onEndpoint &&
        guard.isEndpoint(target) &&
        !isLoginPath(target, guard.dex, endpoint.origin)
      ) {
        if (endpointCookies()) return result(false);
        throw noSessionCookie(hop, status, refusedCookies);
      }
      from = hop.url;
      // 307/308 keep method and body; a form (which may hold the password) is only resent to the same origin.
      const keepsBody = (status === 307 || status === 308) && hop.method === 'POST';
      if (keepsBody && target.origin !== hop.url.origin) {
        throw stop(
          Code.redirectRefused,
          hop,
          status,
          `it redirected a form post to ${target.origin}; not resending it.`,
        );
      }
      hop = keepsBody ? { ...hop, url: target } : { step: stepOf(target), method: 'GET', url: target };
      continue;
    }

    const html = /\btext\/html\b/i.test(response.headers.get('content-type') ?? '');
    const text = await readText(response);
    const page = parseHtml(html ? text : '');
    const kind = classifyPage(page, hop.url);
    const said = page.summary || text.replace(/\s+/g, ' ').trim().slice(0, 300);
    from = hop.url;

    if (kind.kind === 'password-form') {
      dexSeen = true;
      if (credentialsSent) {
        throw stop(
          Code.badCredentials,
          hop,
          status,
          `Dex showed its login form again after the credentials were posted: connector "${connector}" did not accept ` +
            'the username and password. Check them (for LDAP, the uid or the attribute Dex is configured to match).',
        );
      }
      if (kind.connectorInPath !== undefined && kind.connectorInPath !== connector) {
        throw stop(
          Code.unknownConnector,
          hop,
          status,
          `Dex offers connector "${kind.connectorInPath}" only, not "${connector}". Set connector: "${kind.connectorInPath}".`,
        );
      }
      const action = resolve(kind.form.action || hop.url.href, hop.url);
      if (!guard.isDex(hop.url)) {
        throw stop(
          Code.redirectRefused,
          hop,
          status,
          'a login form appeared on a page that is not Dex (not under the authorization endpoint the gateway named); ' +
            'the credentials were not sent.',
        );
      }
      if (!action || action.origin !== hop.url.origin) {
        throw stop(
          Code.redirectRefused,
          hop,
          status,
          `the login form posts to ${action?.origin ?? 'an unparseable URL'}, not to the origin that served it; ` +
            'the credentials were not sent.',
        );
      }
      const form = formFields(kind.form, ['login', 'password']);
      form.set('login', username);
      form.set('password', password);
      credentialsSent = true;
      hop = { step: 'credentials', method: 'POST', url: action, form };
      continue;
    }
    if (kind.kind === 'approval') {
      dexSeen = true;
      const action = resolve(kind.form.action || hop.url.href, hop.url);
      if (!action)
        throw stop(Code.unexpectedResponse, hop, status, 'the approval form has an unparseable action.');
      hop = { step: 'approval', method: 'POST', url: action, form: formFields(kind.form, []) };
      continue;
    }
    if (kind.kind === 'connector-chooser') {
      dexSeen = true;
      const chosen = kind.connectors.find((candidate) => candidate.id === connector);
      if (!chosen) {
        const offered = kind.connectors.map((candidate) => `"${candidate.id}"`).join(', ');
        throw stop(
          Code.unknownConnector,
          hop,
          status,
          `Dex has no connector "${connector}"; it offers ${offered}. Set connector to one of them.`,
        );
      }
      hop = { step: 'connector', method: 'GET', url: chosen.url };
      continue;
    }
    if (kind.kind === 'sign-in' && onEndpoint && !startTried) {
      // oauth2-proxy's sign-in page (skip_provider_button = false): submit its GET form to /oauth2/start.
      const start = resolve(kind.form.action ?? '', hop.url);
      if (!start)
        throw stop(Code.unexpectedResponse, hop, status, 'the sign-in form has an unparseable action.');
      start.search = formFields(kind.form, []).toString();
      startTried = true;
      hop = { step: 'sign-in', method: 'GET', url: start };
      continue;
    }
    if (onEndpoint && !dexSeen) {
      if (status >= 200 && status < 300) return result(true);
      if (status === 401 && !startTried) {
        // An API route behind oauth2-proxy (api_routes) answers 401 instead of starting a login; start it explicitly.
        startTried = true;
        const start = new URL('/oauth2/start', endpoint);
        start.searchParams.set('rd', `${endpoint.pathname}${endpoint.search}`);
        hop = { step: 'sign-in', method: 'GET', url: start };
        continue;
      }
      throw stop(
        Code.unexpectedResponse,
        hop,
        status,
        `the endpoint neither answered (2xx) nor started a login (a redirect to Dex, oauth2-proxy's sign-in page, or 401)` +
          `${said ? `; it said "${said}"` : ''}. Check that endpoint is a URL the gateway serves, e.g. https://<host>/pipeline.`,
      );
    }
    if (onEndpoint && dexSeen && status >= 200 && status < 300) {
      if (endpointCookies()) return result(false);
      throw noSessionCookie(hop, status, refusedCookies);
    }
    if (status >= 400) {
      const detail = said ? `it answered: "${said}".` : 'it answered with an error and no message.';
      throw stop(Code.loginFailed, hop, status, `${detail} ${hintFor(hop.step, status)}`);
    }
    throw stop(
      Code.unexpectedResponse,
      hop,
      status,
      `expected a Dex login, connector or approval page, or a redirect, but got ${html ? `a page saying "${said}"` : 'a non-HTML response'}.`,
    );
  }
  throw stop(
    Code.tooManyRedirects,
    hop,
    undefined,
    `the login did not finish within ${options.maxRedirects} requests (a redirect loop?). Raise maxRedirects if the flow is really that long.`,
  );
}

/** The fields a browser would submit from `form`, minus those the flow fills in itself. */
function formFields(form: HtmlForm, replaced: string[]): URLSearchParams {
  const fields = new URLSearchParams();
  for (const field of form.fields) {
    if (!replaced.includes(field.name) && field.type !== 'submit' && field.type !== 'checkbox')
      fields.append(field.name, field.value);
  }
  return fields;
}

function stepOf(target: URL): LoginStep {
  const path = target.pathname;
  if (/\/callback$/.test(path)) return 'callback';
  if (/\/auth\/[^/]+\/login$/.test(path)) return 'login-form';
  if (/\/auth(\/[^/]+)?$/.test(path)) return 'dex-authorize';
  if (/\/approval$/.test(path)) return 'approval';
  if (/\/(start|sign_in)$/.test(path)) return 'sign-in';
  return 'redirect';
}

/** Paths of the login machinery on the gateway's origin (oauth2-proxy, authservice, Dex mounted there). */
export function isLoginPath(url: URL, dex: DexLocation | undefined, endpointOrigin: string): boolean {
  return (
    /^\/(oauth2|authservice)\//.test(url.pathname) || (dex !== undefined && isUnder(url, dex, endpointOrigin))
  );
}

function hintFor(step: LoginStep, status: number): string {
  if (step === 'credentials' && status >= 500) {
    return "Dex accepted the form but could not finish the login: a locked or disabled account, or a connector error (see Dex's log).";
  }
  if (step === 'approval') return 'Dex refused the approval.';
  if (step === 'callback')
    return 'The gateway could not complete the login (CSRF cookie, code exchange or authorization; see its log).';
  return "See the gateway's or Dex's log for the cause.";
}

async function readText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_PAGE_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_PAGE_BYTES);
}
