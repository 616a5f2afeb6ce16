import { DexLoginError, DexSessionErrorCode, type LoginStep } from './errors.js';
import { type DexLocation, isAuthorizationRequest, isUnder } from './login-urls.js';
import { redactLoginUrl } from './redaction.js';

/**
 * The login flow may visit two origins only: the endpoint's and Dex's. Dex is
 * recognised by the first OAuth2 authorization request the gateway sends the
 * browser to (`<issuer>/auth?client_id=...&redirect_uri=...&response_type=code`),
 * which must come from the endpoint's origin and, when `dexUrl` is given, go
 * to its origin. Any other origin, and any step from https down to http, is
 * refused before a request is sent, so neither cookies nor credentials reach
 * it: a callback connector's identity provider (GitHub, Google) included.
 */
export class OriginGuard {
  readonly #endpointOrigin: string;
  readonly #pinnedDexOrigin: string | undefined;
  #dex: DexLocation | undefined;

  constructor(endpoint: URL, pinnedDexOrigin: string | undefined) {
    this.#endpointOrigin = endpoint.origin;
    this.#pinnedDexOrigin = pinnedDexOrigin;
  }

  get dex(): DexLocation | undefined {
    return this.#dex;
  }

  isEndpoint(url: URL): boolean {
    return url.origin === this.#endpointOrigin;
  }

  /** Whether `url` is one of Dex's pages (on its own origin, or under its path on the endpoint's). */
  isDex(url: URL): boolean {
    return this.#dex !== undefined && isUnder(url, this.#dex, this.#endpointOrigin);
  }

  /** Throws unless `target` may be requested next, coming from `from`. */
  admit(target: URL, from: URL | undefined, step: LoginStep): void {
    if (from?.protocol === 'https:' && target.protocol !== 'https:') {
      throw this.#refuse(
        step,
        target,
        `${redactLoginUrl(from)} sent the login to ${redactLoginUrl(target)}, from https to plain http. ` +
          'Refusing to continue without TLS; make the gateway and Dex use https.',
      );
    }
    if (this.#dex === undefined && isAuthorizationRequest(target)) {
      const fromGateway = target.origin === this.#endpointOrigin || from?.origin === this.#endpointOrigin;
      const pinned = this.#pinnedDexOrigin === undefined || target.origin === this.#pinnedDexOrigin;
      if (fromGateway && (pinned || target.origin === this.#endpointOrigin)) {
        this.#dex = { origin: target.origin, pathPrefix: target.pathname.replace(/\/auth$/, '') };
        return;
      }
    }
    if (target.origin === this.#endpointOrigin || target.origin === this.#dex?.origin) return;
    const known = [this.#endpointOrigin, this.#dex?.origin ?? this.#pinnedDexOrigin]
      .filter(Boolean)
      .join(' and ');
    throw this.#refuse(
      step,
      target,
      `it led to ${target.origin}, which is neither the endpoint's nor Dex's origin (${known}). Nothing was sent there. ` +
        'Only password connectors (local, ldap) can log in without a browser; if Dex itself is on that origin, pass it as dexUrl.',
    );
  }

  #refuse(step: LoginStep, target: URL, detail: string): DexLoginError {
    return new DexLoginError(
      DexSessionErrorCode.redirectRefused,
      `Login stopped at step "${step}": ${detail}`,
      {
        step,
        url: redactLoginUrl(target),
      },
    );
  }
}
