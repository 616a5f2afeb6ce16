import { type FetchFunction, MlPlatformError } from '@ml-platform/core';
import type { CookieJar } from 'tough-cookie';
import { DexLoginError, DexSessionErrorCode, type LoginStep, PLUGIN_NAME } from './errors.js';
import { redactLoginUrl, withoutCredentials } from './redaction.js';

/** One request of the login flow. */
export interface Hop {
  step: LoginStep;
  method: 'GET' | 'POST';
  url: URL;
  /** An urlencoded form body. */
  form?: URLSearchParams | undefined;
}

export interface HopResult {
  response: Response;
  /** Names of cookies this response set that the jar accepted. */
  storedCookies: string[];
  /** Names and reasons of cookies the jar refused (e.g. `Secure` over plain http). */
  refusedCookies: string[];
}

/**
 * Sends hops the way a browser would for this flow, minus what is not needed:
 * cookies from the jar for the hop's URL only, `Set-Cookie` stored back,
 * redirects never followed by fetch (the flow checks each hop's origin first).
 */
export class LoginBrowser {
  readonly #send: FetchFunction;
  readonly #jar: CookieJar;
  readonly #credentials: readonly string[];
  readonly #log: ((line: string) => void) | undefined;

  constructor(
    send: FetchFunction,
    jar: CookieJar,
    credentials: readonly string[],
    log?: (line: string) => void,
  ) {
    this.#send = send;
    this.#jar = jar;
    this.#credentials = credentials;
    this.#log = log;
  }

  async send(hop: Hop): Promise<HopResult> {
    const headers = new Headers({
      // A browser's Accept: oauth2-proxy answers requests that accept only JSON with 401 instead of a login.
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
    });
    const cookie = await this.#jar.getCookieString(hop.url.href);
    if (cookie) headers.set('cookie', cookie);
    if (hop.form) headers.set('content-type', 'application/x-www-form-urlencoded');
    const request = new Request(hop.url, {
      method: hop.method,
      headers,
      body: hop.form?.toString(),
      redirect: 'manual',
    });
    let response: Response;
    try {
      response = await this.#send(request);
    } catch (error) {
      const reason = withoutCredentials(describeFailure(error), this.#credentials);
      this.#write(`${hop.method} ${redactLoginUrl(hop.url)} -> failed: ${reason}`);
      // Core's transport errors already name the call (without its query) and say what to do.
      const transportNamed = error instanceof MlPlatformError;
      throw new DexLoginError(
        DexSessionErrorCode.requestFailed,
        transportNamed
          ? `Login stopped at step "${hop.step}": ${reason}`
          : `Login stopped at step "${hop.step}": ${hop.method} ${redactLoginUrl(hop.url)} failed: ${reason}. ` +
              'Check that the URL is reachable and, for https, that tls.ca trusts its certificate.',
        { step: hop.step, url: redactLoginUrl(hop.url) },
        { cause: error },
      );
    }
    const storedCookies: string[] = [];
    const refusedCookies: string[] = [];
    for (const setCookie of response.headers.getSetCookie()) {
      const name = setCookie.slice(0, Math.max(0, setCookie.indexOf('='))).trim() || '(unnamed)';
      try {
        const stored = await this.#jar.setCookie(setCookie, hop.url.href);
        if (stored) storedCookies.push(name);
      } catch (error) {
        refusedCookies.push(`${name} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    this.#write(`${hop.method} ${redactLoginUrl(hop.url)} -> ${response.status}`);
    return { response, storedCookies, refusedCookies };
  }

  #write(line: string): void {
    this.#log?.(`[${PLUGIN_NAME}] login: ${withoutCredentials(line, this.#credentials)}`);
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof MlPlatformError) return error.message;
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code;
  const detail = cause?.message && cause.message !== error.message ? `: ${cause.message}` : '';
  return `${error.message}${detail}${typeof code === 'string' ? ` (${code})` : ''}`;
}
