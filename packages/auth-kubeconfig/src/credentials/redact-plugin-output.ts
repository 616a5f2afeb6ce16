import { REDACTED, redactSecrets } from '@ml-platform/core';

/** How much of a plugin's stderr an error keeps: the end, where the reason usually is. */
const KEEP_CHARS = 2000;

/**
 * A plugin's stderr, safe for an error message: tokens it may have printed
 * are removed (JWTs, `Bearer ...`, `token: ...`/`password=...` values, long
 * base64-like runs), and so are the `secrets` given, of any length: the values
 * of the exec entry's `env`, which often carry secrets (AWS keys, client
 * secrets), and the opaque tokens the plugin printed or gave before.
 */
export function redactPluginOutput(text: string, secrets: Iterable<string>): string {
  const known = [...secrets].filter((secret) => secret !== '');
  // Core leaves out secrets under 4 characters (replacing every "ab" would garble the text); a known token of
  // any length is still removed here where it stands as a word of its own.
  let result = text;
  for (const secret of known) {
    if (secret.length < 4)
      result = result.replace(new RegExp(`(?<![\\w.-])${escapeRegExp(secret)}(?![\\w.-])`, 'g'), REDACTED);
  }
  result = redactSecrets(result, known)
    .replace(/eyJ[\w-]*\.[\w-]+\.[\w-]*/g, REDACTED)
    .replace(/\b(bearer|basic)\s+[^\s"']+/gi, `$1 ${REDACTED}`)
    .replace(
      /\b((?:access[_-]?|id[_-]?|refresh[_-]?)?token|secret|password|passwd|key)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
      `$1$2${REDACTED}`,
    )
    .replace(/[A-Za-z0-9+/_-]{32,}={0,2}/g, REDACTED)
    .trim();
  if (result.length > KEEP_CHARS) result = `...${result.slice(-KEEP_CHARS)}`;
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
