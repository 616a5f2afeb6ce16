/**
 * Expiry-aware credential cache with single-flight refresh, shared by every
 * auth plugin (the AWS SDK v3 credential-provider pattern):
 * - one acquisition at a time: concurrent callers share one pending promise,
 *   cleared in `finally` so a failure is never cached;
 * - a credential is used until `expiresAt - skewMs`; inside the earlier
 *   `refreshAheadMs` window a background refresh starts while the still-valid
 *   credential keeps being served;
 * - both windows shrink for a short-lived credential: at most an eighth
 *   (skew) and a quarter (refresh ahead) of the lifetime it had when it
 *   arrived, so a 15 s token is not refetched on every call;
 * - `invalidate(stale)` / `replace(stale)` drop exactly the credential a server
 *   refused, so 200 requests refused with the same stale credential cause one refresh.
 */

export interface Credential {
  /** What the plugin sends (a token, a Cookie header value). Never logged. */
  readonly value: string;
  /** Epoch milliseconds after which the server will refuse it, when known. */
  readonly expiresAt?: number | undefined;
}

/** Why a credential is being acquired; plugins use it to pick their next step. */
export type AcquireReason = 'initial' | 'expiring' | 'rejected';

/** The options of a `CredentialCache`: how to acquire a credential and how early to renew it. */
export interface CredentialCacheOptions<C extends Credential> {
  /**
   * Obtains a credential. `previous` is the last one acquired, even when it was
   * just refused (`reason: 'rejected'`), so a plugin can refresh from it.
   */
  acquire: (reason: AcquireReason, previous: C | undefined) => Promise<C>;
  /** Treat a credential as expired this long before its `expiresAt`, but at most an eighth of its lifetime. Default 30 s (clock skew). */
  skewMs?: number | undefined;
  /**
   * Start a background refresh this long before `expiresAt`, but at most a quarter of its lifetime.
   * Default 5 min. At most `skewMs` (e.g. 0): never in the background, only once the credential is due.
   */
  refreshAheadMs?: number | undefined;
  /** The clock, in epoch milliseconds (tests). Default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * Holds one credential for every request of a plugin: acquires it once however many requests wait
 * (one pending promise), renews it ahead of expiry in the background while the valid one is still
 * served, and never caches a failure.
 */
export class CredentialCache<C extends Credential = Credential> {
  readonly #acquire: CredentialCacheOptions<C>['acquire'];
  readonly #skewMs: number;
  readonly #refreshAheadMs: number;
  readonly #now: () => number;
  #current: C | undefined;
  /** `expiresAt` minus the time the current credential arrived: what the windows are capped by. */
  #currentLifetimeMs = Number.POSITIVE_INFINITY;
  /** The last credential acquired, kept through `invalidate` so `acquire` can build on it (a refresh token). */
  #last: C | undefined;
  #pending: Promise<C> | undefined;
  #nextReason: AcquireReason = 'initial';
  #acquisitions = 0;

  constructor(options: CredentialCacheOptions<C>) {
    this.#acquire = options.acquire;
    this.#skewMs = options.skewMs ?? 30_000;
    // A window no wider than the skew asks for no background refresh at all: capping both by the lifetime
    // (a quarter against an eighth) must not open one, since a refresh may prompt (an exec plugin, a login).
    const refreshAheadMs = options.refreshAheadMs ?? 300_000;
    this.#refreshAheadMs = refreshAheadMs <= this.#skewMs ? 0 : refreshAheadMs;
    this.#now = options.now ?? Date.now;
  }

  /** How many times `acquire` has been called (for diagnostics and benchmarks). */
  get acquisitions(): number {
    return this.#acquisitions;
  }

  /** The cached credential, without acquiring or checking expiry. */
  peek(): C | undefined {
    return this.#current;
  }

  /**
   * The cached credential while it is fresh, else undefined, without waiting:
   * what a request in steady state is signed with. Inside the refresh-ahead
   * window it starts a background refresh and still returns the valid one.
   */
  fresh(): C | undefined {
    const current = this.#current;
    if (!current) return undefined;
    const left = current.expiresAt === undefined ? Number.POSITIVE_INFINITY : current.expiresAt - this.#now();
    const skewMs = Math.min(this.#skewMs, this.#currentLifetimeMs / 8);
    if (left <= skewMs) {
      this.#nextReason = 'expiring';
      return undefined;
    }
    const refreshAheadMs = Math.min(this.#refreshAheadMs, this.#currentLifetimeMs / 4);
    if (left <= refreshAheadMs && !this.#pending) {
      this.#refresh('expiring').catch(() => {
        // A failed background refresh is not cached; the next get() retries while the credential lasts.
      });
    }
    return current;
  }

  /** A usable credential: the cached one while it is fresh, else a (shared) fresh acquisition. */
  async get(): Promise<C> {
    return this.fresh() ?? this.#pending ?? this.#refresh(this.#nextReason);
  }

  /** Forgets `stale` if it is still the cached credential (a server refused it). */
  invalidate(stale: C | undefined): void {
    if (stale !== undefined && this.#current === stale) {
      this.#current = undefined;
      this.#nextReason = 'rejected';
    }
  }

  /**
   * A credential to use instead of `stale`, which a server just refused: the
   * cached one when it is already another, else the result of an acquisition
   * that started after the refusal. An acquisition that was already running
   * may have begun before the credential changed at its source (a token file
   * read just before the kubelet rotated it); when it yields the refused value
   * again, it proves nothing, so one more acquisition is made.
   */
  async replace(stale: C): Promise<C> {
    this.invalidate(stale);
    const joined = this.#pending;
    const next = await this.get();
    if (joined === undefined || next.value !== stale.value) return next;
    this.invalidate(next);
    return this.get();
  }

  /** Forgets the cached credential unconditionally (logout, explicit reset). */
  clear(): void {
    this.#current = undefined;
    this.#last = undefined;
    this.#nextReason = 'initial';
  }

  #refresh(reason: AcquireReason): Promise<C> {
    if (this.#pending) return this.#pending;
    this.#acquisitions += 1;
    const previous = this.#last;
    // Started on a later microtask so `finally` always runs after `#pending` is set, even if `acquire` throws synchronously.
    const pending: Promise<C> = Promise.resolve()
      .then(() => this.#acquire(reason, previous))
      .then((credential) => {
        this.#current = credential;
        // The same credential read again (a token file not yet rotated) keeps the lifetime it arrived with.
        const again = previous?.value === credential.value && previous.expiresAt === credential.expiresAt;
        if (!again) {
          this.#currentLifetimeMs =
            credential.expiresAt === undefined
              ? Number.POSITIVE_INFINITY
              : Math.max(credential.expiresAt - this.#now(), 0);
        }
        this.#last = credential;
        this.#nextReason = 'initial';
        return credential;
      })
      .finally(() => {
        if (this.#pending === pending) this.#pending = undefined;
      });
    this.#pending = pending;
    return pending;
  }
}
