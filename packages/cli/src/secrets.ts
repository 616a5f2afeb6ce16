import { redactSecrets } from '@ml-platform/core';

/**
 * Every secret the CLI has read (a password from the prompt, a token from a
 * file): whatever goes to the terminal passes through `redact` first, so
 * not even an unexpected error's message can print one.
 */
const known = new Set<string>();

export function rememberSecret(secret: string | undefined): void {
  if (secret) known.add(secret);
}

export function redact(text: string): string {
  return redactSecrets(text, known);
}
