/**
 * `Retry-After` (RFC 9110 section 10.2.3) in milliseconds from `now`: delay-seconds
 * or an HTTP-date; undefined when absent or unreadable (then backoff applies).
 * A date in the past means "now", as client-go and Octokit treat it.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date) || !/[a-z]/i.test(value)) return undefined;
  return Math.max(0, date - now);
}
