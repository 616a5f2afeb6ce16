import { PLUGIN_NAME, ServiceAccountTokenError, ServiceAccountTokenErrorCode } from './errors.js';
import { describeLocation, type TokenLocation } from './token-location.js';

/** The code of the process warning for a token that nears its `exp` in a file nobody replaced. */
export const NOT_ROTATED_WARNING_CODE = 'AUTH_SA_TOKEN_NOT_ROTATED';

const KUBELET_HINT =
  'The kubelet replaces a projected token at 80% of its lifetime; if it did not, the file is not a ' +
  'projected serviceAccountToken volume (a copied Secret, a file written once) or the kubelet cannot ' +
  'reach the API server.';

export interface ExpiryCheck {
  /**
   * Judges a token just read from the file. Throws only for a token expired by
   * more than the clock-skew allowance: the server would refuse it. A token
   * inside the allowance is still valid by its `exp` (and a pod's clock may
   * run ahead of the API server's), so it is returned to be sent, with one
   * warning per file version saying it was not rotated.
   */
  check(expiresAt: number | undefined, identity: string): void;
}

export function createExpiryCheck(location: TokenLocation, skewMs: number): ExpiryCheck {
  // The file version last warned about (its identity, never the token): one warning per unrotated file.
  let warnedFor: string | undefined;
  return {
    check(expiresAt, identity) {
      if (expiresAt === undefined) return;
      const now = Date.now();
      if (expiresAt + skewMs <= now) throw expiredError(location, expiresAt, now);
      if (expiresAt - skewMs > now || warnedFor === identity) return;
      warnedFor = identity;
      const seconds = Math.round((expiresAt - now) / 1000);
      const when =
        seconds >= 0
          ? `expires at ${iso(expiresAt)} (in ${seconds} s)`
          : `expired at ${iso(expiresAt)} (${-seconds} s ago)`;
      process.emitWarning(
        `[${PLUGIN_NAME}] The token in ${describeLocation(location)} ${when} and the file has not been replaced; ` +
          `sending it while it is within the clock-skew allowance of ${skewMs} ms. ${KUBELET_HINT}`,
        { code: NOT_ROTATED_WARNING_CODE },
      );
    },
  };
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

function expiredError(location: TokenLocation, expiresAt: number, now: number): ServiceAccountTokenError {
  return new ServiceAccountTokenError(
    ServiceAccountTokenErrorCode.expired,
    location.path,
    `The token in ${describeLocation(location)} expired at ${iso(expiresAt)} (${Math.round((now - expiresAt) / 1000)} s ago) ` +
      `and the file has not been replaced. ${KUBELET_HINT} The request was not sent.`,
  );
}
