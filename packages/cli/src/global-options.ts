/** The global options every command sees (commander's `optsWithGlobals()`). */
export interface GlobalOptions {
  endpoint?: string;
  namespace?: string;
  output?: OutputFormat;
  profile?: string;
  debug?: boolean;
}

export type OutputFormat = 'table' | 'json' | 'yaml';
