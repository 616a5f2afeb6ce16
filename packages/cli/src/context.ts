/** The global options every command sees (commander's `optsWithGlobals()`). */
export interface GlobalOptions {
  endpoint?: string;
  namespace?: string;
  output?: OutputFormat;
  profile?: string;
  debug?: boolean;
}

export type OutputFormat = 'table' | 'json' | 'yaml';

/** Where a command writes: results on stdout, everything else on stderr. */
export interface Terminal {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  /** Prints a message for a human on stderr (never a result). */
  say(line: string): void;
}

export function processTerminal(redact: (text: string) => string): Terminal {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    say(line) {
      process.stderr.write(`${redact(line)}\n`);
    },
  };
}
