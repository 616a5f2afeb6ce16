import { redactSecrets } from '@ml-platform/core';

/**
 * Everything the demo prints goes through here: each line has every known
 * secret (passwords, client secret, tokens) replaced, in case a script ever
 * printed one. The demo itself only ever prints what a step did.
 */
export class ConsoleOutput {
  readonly #secrets = new Set<string>();

  /** Values that must never appear in the output. */
  addSecrets(values: Iterable<string | undefined>): void {
    for (const value of values) if (value) this.#secrets.add(value);
  }

  line(text = ''): void {
    process.stdout.write(`${redactSecrets(text, this.#secrets)}\n`);
  }

  heading(text: string): void {
    this.line();
    this.line(`▸ ${text}`);
  }

  /** A line a script printed, shown indented under its step. */
  scriptLine(text: string): void {
    this.line(`  │ ${text}`);
  }

  error(text: string): void {
    process.stderr.write(`${redactSecrets(text, this.#secrets)}\n`);
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
