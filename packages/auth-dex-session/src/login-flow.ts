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
import { classifyPage, type LoginPage } from './login-page.js';
import { type DexLocation, isLoginPath, resolve } from './login-urls.js';
import { OriginGuard } from './origin-guard.js';
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
  /** Where Dex turned out to be, so later redirects into it can be recognised. */
  dex: DexLocation | undefined;
}

/** Pages larger than this are not login pages; reading stops there. */
const MAX_PAGE_BYTES = 1_000_000;

/** What one response leads to: the next request, or the end of the login. */
type Next = { hop: Hop } | { done: LoginFlowResult };

/** One login in progress: what it has seen so far, and how it stops. */
interface LoginRun {
  readonly options: LoginFlowOptions;
  readonly jar: CookieJar;
  readonly guard: OriginGuard;
  readonly credentials: readonly string[];
  dexSeen: boolean;
  credentialsSent: boolean;
  startTried: boolean;
}

/** A response as a step of the flow sees it. */
interface Answer {
  hop: Hop;
  response: Response;
  status: number;
  /** On the endpoint's origin and not one of Dex's pages there. */
  onEndpoint: boolean;
  refusedCookies: string[];
}

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
  const credentials = [options.password, options.username];
  const jar = new CookieJar();
  const browser = new LoginBrowser(options.send, jar, credentials, options.log);
  const run: LoginRun = {
    options,
    jar,
    guard: new OriginGuard(options.endpoint, options.dexOrigin),
    credentials,
    dexSeen: false,
    credentialsSent: false,
    startTried: false,
  };
  const { guard } = run;
  let from: URL | undefined;
  let hop: Hop = { step: 'endpoint', method: 'GET', url: options.endpoint };

  for (let requests = 0; requests < options.maxRedirects; requests += 1) {
    guard.admit(hop.url, from, hop.step);
    const { response, refusedCookies } = await browser.send(hop);
    const status = response.status;
    const onEndpoint = guard.isEndpoint(hop.url) && !guard.isDex(hop.url);
    if (guard.isDex(hop.url)) run.dexSeen = true;
    const answer: Answer = { hop, response, status, onEndpoint, refusedCookies };
    const next =
      status >= 300 && status < 400 && status !== 304
        ? await followRedirect(run, answer)
        : await answerPage(run, answer);
    if ('done' in next) return next.done;
    from = hop.url;
    hop = next.hop;
  }
  throw stop(
    run,
    Code.tooManyRedirects,
    hop,
    undefined,
    `the login did not finish within ${options.maxRedirects} requests (a redirect loop?). Raise maxRedirects if the flow is really that long.`,
  );
}

function stop(
  run: LoginRun,
  code: DexSessionErrorCodeValue,
  at: Hop,
  status: number | undefined,
  detail: string,
): DexLoginError {
  const where = `${at.method} ${redactLoginUrl(at.url)}${status === undefined ? '' : ` -> HTTP ${status}`}`;
  return new DexLoginError(
    code,
    withoutCredentials(`Login stopped at step "${at.step}" (${where}): ${detail}`, run.credentials),
    {
      step: at.step,
      url: redactLoginUrl(at.url),
      status,
    },
  );
}

/** Done when the gateway set a cookie for the endpoint; else the login went through but no session came of it. */
function finish(run: LoginRun, { hop, status, refusedCookies }: Answer): Next {
  const { endpoint } = run.options;
  if (run.jar.getCookieStringSync(endpoint.href)) return { done: { jar: run.jar, dex: run.guard.dex } };
  throw stop(
    run,
    Code.noSessionCookie,
    hop,
    status,
    `the login went through Dex but the gateway set no session cookie for ${endpoint.origin}` +
      `${refusedCookies.length > 0 ? ` (the cookie jar refused ${refusedCookies.join(', ')})` : ''}. ` +
      'Behind plain http, the gateway must not mark its cookie Secure (oauth2-proxy: cookie_secure = false).',
  );
}

async function followRedirect(run: LoginRun, answer: Answer): Promise<Next> {
  const { hop, response, status } = answer;
  const { guard } = run;
  await response.body?.cancel().catch(() => undefined);
  const location = response.headers.get('location');
  const target = location === null ? undefined : resolve(location, hop.url);
  if (!target)
    throw stop(run, Code.unexpectedResponse, hop, status, 'a redirect without a usable Location header.');
  // The gateway's callback: it set the session and sends the browser back into the application.
  if (
    run.dexSeen &&
    answer.onEndpoint &&
    guard.isEndpoint(target) &&
    !isLoginPath(target, guard.dex, run.options.endpoint.origin)
  ) {
    return finish(run, answer);
  }
  // 307/308 keep method and body; a form (which may hold the password) is only resent to the same origin.
  const keepsBody = (status === 307 || status === 308) && hop.method === 'POST';
  if (keepsBody && target.origin !== hop.url.origin) {
    throw stop(
      run,
      Code.redirectRefused,
      hop,
      status,
      `it redirected a form post to ${target.origin}; not resending it.`,
    );
  }
  return { hop: keepsBody ? { ...hop, url: target } : { step: stepOf(target), method: 'GET', url: target } };
}

async function answerPage(run: LoginRun, answer: Answer): Promise<Next> {
  const { hop, response, status, onEndpoint } = answer;
  const html = /\btext\/html\b/i.test(response.headers.get('content-type') ?? '');
  const text = await readText(response);
  const page = parseHtml(html ? text : '');
  const kind = classifyPage(page, hop.url);
  const said = page.summary || text.replace(/\s+/g, ' ').trim().slice(0, 300);

  if (kind.kind === 'password-form') {
    run.dexSeen = true;
    return { hop: submitCredentials(run, answer, kind) };
  }
  if (kind.kind === 'approval') {
    run.dexSeen = true;
    const action = resolve(kind.form.action || hop.url.href, hop.url);
    if (!action)
      throw stop(run, Code.unexpectedResponse, hop, status, 'the approval form has an unparseable action.');
    return { hop: { step: 'approval', method: 'POST', url: action, form: formFields(kind.form, []) } };
  }
  if (kind.kind === 'connector-chooser') {
    run.dexSeen = true;
    return { hop: chooseConnector(run, answer, kind.connectors) };
  }
  if (kind.kind === 'sign-in' && onEndpoint && !run.startTried) {
    // oauth2-proxy's sign-in page (skip_provider_button = false): submit its GET form to /oauth2/start.
    const start = resolve(kind.form.action ?? '', hop.url);
    if (!start)
      throw stop(run, Code.unexpectedResponse, hop, status, 'the sign-in form has an unparseable action.');
    start.search = formFields(kind.form, []).toString();
    run.startTried = true;
    return { hop: { step: 'sign-in', method: 'GET', url: start } };
  }
  if (onEndpoint && !run.dexSeen) return answerBeforeLogin(run, answer, said);
  if (onEndpoint && run.dexSeen && status >= 200 && status < 300) return finish(run, answer);
  if (status >= 400) {
    const detail = said ? `it answered: "${said}".` : 'it answered with an error and no message.';
    throw stop(run, Code.loginFailed, hop, status, `${detail} ${hintFor(hop.step, status)}`);
  }
  throw stop(
    run,
    Code.unexpectedResponse,
    hop,
    status,
    `expected a Dex login, connector or approval page, or a redirect, but got ${html ? `a page saying "${said}"` : 'a non-HTML response'}.`,
  );
}

/** Dex's password form: post the username and password to it, once, and only to Dex. */
function submitCredentials(
  run: LoginRun,
  { hop, status }: Answer,
  kind: Extract<LoginPage, { kind: 'password-form' }>,
): Hop {
  const { connector, username, password } = run.options;
  if (run.credentialsSent) {
    throw stop(
      run,
      Code.badCredentials,
      hop,
      status,
      `Dex showed its login form again after the credentials were posted: connector "${connector}" did not accept ` +
        'the username and password. Check them (for LDAP, the uid or the attribute Dex is configured to match).',
    );
  }
  if (kind.connectorInPath !== undefined && kind.connectorInPath !== connector) {
    throw stop(
      run,
      Code.unknownConnector,
      hop,
      status,
      `Dex offers connector "${kind.connectorInPath}" only, not "${connector}". Set connector: "${kind.connectorInPath}".`,
    );
  }
  const action = resolve(kind.form.action || hop.url.href, hop.url);
  if (!run.guard.isDex(hop.url)) {
    throw stop(
      run,
      Code.redirectRefused,
      hop,
      status,
      'a login form appeared on a page that is not Dex (not under the authorization endpoint the gateway named); ' +
        'the credentials were not sent.',
    );
  }
  if (!action || action.origin !== hop.url.origin) {
    throw stop(
      run,
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
  run.credentialsSent = true;
  return { step: 'credentials', method: 'POST', url: action, form };
}

/** Dex's connector chooser: follow the configured connector's link. */
function chooseConnector(
  run: LoginRun,
  { hop, status }: Answer,
  connectors: { id: string; url: URL }[],
): Hop {
  const { connector } = run.options;
  const chosen = connectors.find((candidate) => candidate.id === connector);
  if (!chosen) {
    const offered = connectors.map((candidate) => `"${candidate.id}"`).join(', ');
    throw stop(
      run,
      Code.unknownConnector,
      hop,
      status,
      `Dex has no connector "${connector}"; it offers ${offered}. Set connector to one of them.`,
    );
  }
  return { step: 'connector', method: 'GET', url: chosen.url };
}

/** The endpoint's answer before any login: the API itself (no login needed), or a 401 to start one from. */
function answerBeforeLogin(run: LoginRun, answer: Answer, said: string): Next {
  const { hop, status } = answer;
  const { endpoint } = run.options;
  if (status >= 200 && status < 300) return { done: { jar: run.jar, dex: run.guard.dex } };
  if (status === 401 && !run.startTried) {
    // An API route behind oauth2-proxy (api_routes) answers 401 instead of starting a login; start it explicitly.
    run.startTried = true;
    const start = new URL('/oauth2/start', endpoint);
    start.searchParams.set('rd', `${endpoint.pathname}${endpoint.search}`);
    return { hop: { step: 'sign-in', method: 'GET', url: start } };
  }
  throw stop(
    run,
    Code.unexpectedResponse,
    hop,
    status,
    `the endpoint neither answered (2xx) nor started a login (a redirect to Dex, oauth2-proxy's sign-in page, or 401)` +
      `${said ? `; it said "${said}"` : ''}. Check that endpoint is a URL the gateway serves, e.g. https://<host>/pipeline.`,
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
