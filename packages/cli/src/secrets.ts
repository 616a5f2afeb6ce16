import { redactSecrets } from '@ml-platform/core';

/**
 * Every secret the CLI has read or sent (a password from the prompt or
 * MLP_PASSWORD, MLP_TOKEN, a client secret, the token a plugin read from a
 * file): whatever goes to the terminal passes through `redact` first, so not
 * even an unexpected error's message can print one.
 */
const known = new Set<string>();

/** Forms a secret takes in text besides those core already redacts (raw, percent- and form-encoded). */
function moreEncodingsOf(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const base64url = Buffer.from(secret, 'utf8').toString('base64url');
  return [
    secret,
    // Inside a JSON string: quotes, backslashes and control characters escaped; \u escapes for non-ASCII too.
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret)
      .slice(1, -1)
      .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
    base64,
    base64.replace(/=+$/, ''),
    base64url,
  ];
}

export function rememberSecret(secret: string | undefined): void {
  if (!secret) return;
  for (const form of moreEncodingsOf(secret)) known.add(form);
}

export function redact(text: string): string {
  return redactSecrets(text, known);
}
