import { checkCooldownMs } from './cooldown-option.js';

/** The options of a `CredentialCooldown`: how long a secret the server refused is held back. */
export interface CredentialCooldownOptions {
  /** How long a refused secret is not sent again, ms. `0` turns the cooldown off. Default 60000. */
  cooldownMs?: number | undefined;
  /** Clock (tests). Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** The refusal a cooldown rethrows: the identity provider's own error, plus when the secret will be sent again. */
export type CooledDownError = Error & {
  /** Epoch ms from which the secret will be sent again. */
  readonly retryAt: number;
};

/**
 * Keeps a password the identity provider refused from being sent again for a
 * while. Directory-backed IdPs (LDAP behind Dex, Keycloak, Active Directory)
 * lock an account after a few wrong passwords in a row, and a caller's retry
 * loop would otherwise post the same wrong password once per call. So after
 * a refusal, every call inside the cooldown rejects at once with that same
 * error, whose message says when the password will be tried again; a
 * different secret, or the first call after the window, is sent as usual.
 * The secret stays in memory only, where the plugin already keeps it.
 */
export class CredentialCooldown {
  readonly #cooldownMs: number;
  readonly #now: () => number;
  #refused: { secret: string; error: CooledDownError } | undefined;

  constructor(options: CredentialCooldownOptions = {}) {
    this.#cooldownMs = checkCooldownMs(options.cooldownMs);
    this.#now = options.now ?? Date.now;
  }

  /**
   * Runs `send` with `secret`, unless the provider refused that secret less
   * than the cooldown ago: then rethrows that refusal without sending. An
   * error of `send` for which `isRefusal` is true starts the cooldown.
   */
  async attempt<T>(
    secret: string,
    send: () => Promise<T>,
    isRefusal: (error: unknown) => boolean,
  ): Promise<T> {
    const refused = this.#refused;
    if (refused && refused.secret === secret && this.#now() < refused.error.retryAt) throw refused.error;
    this.#refused = undefined;
    try {
      return await send();
    } catch (error) {
      if (this.#cooldownMs > 0 && error instanceof Error && isRefusal(error)) {
        this.#refused = {
          secret,
          error: withRetryTime(error, this.#now() + this.#cooldownMs, this.#cooldownMs),
        };
      }
      throw error;
    }
  }

  /** When a refused secret will be sent again (epoch ms), or undefined when nothing is cooling down. */
  get retryAt(): number | undefined {
    const refused = this.#refused;
    return refused && this.#now() < refused.error.retryAt ? refused.error.retryAt : undefined;
  }
}

function withRetryTime(error: Error, retryAt: number, cooldownMs: number): CooledDownError {
  const seconds = Math.ceil(cooldownMs / 1000);
  const notice =
    ` Not sending the same password again before ${new Date(retryAt).toISOString()} (a ${seconds} s cooldown, ` +
    'so retries cannot lock the account); until then every call from this process fails with this error. ' +
    'The cooldown is kept in memory: another process would send the password again, so check it before retrying.';
  const firstLine = error.message;
  error.message = `${firstLine}${notice}`;
  if (typeof error.stack === 'string' && error.stack.includes(firstLine)) {
    error.stack = error.stack.replace(firstLine, error.message);
  }
  Object.defineProperty(error, 'retryAt', { value: retryAt, enumerable: true });
  return error as CooledDownError;
}
