import type { GlobalOptions, OutputFormat } from '../global-options.js';

/** One column of a table: its heading and how to read it from an item. */
export interface Column<Item> {
  heading: string;
  value: (item: Item) => unknown;
}

export function outputFormat(globals: GlobalOptions): OutputFormat {
  return globals.output ?? 'table';
}

/**
 * Prints a result on stdout and nothing else there: the API's own objects
 * as JSON or YAML (what a script parses), or the chosen columns as a table.
 */
export async function printResult<Item>(
  globals: GlobalOptions,
  result: Item | Item[],
  columns: Column<Item>[],
): Promise<void> {
  const format = outputFormat(globals);
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  if (format === 'yaml') {
    const { stringify } = await import('yaml');
    process.stdout.write(stringify(result));
    return;
  }
  const items = Array.isArray(result) ? result : [result];
  const { default: Table } = await import('cli-table3');
  // No colours: they would end up in files when stdout is redirected.
  const table = new Table({ head: columns.map((column) => column.heading), style: { head: [], border: [] } });
  for (const item of items) table.push(columns.map((column) => cell(column.value(item))));
  process.stdout.write(`${table.toString()}\n`);
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A confirmation for a command without a result: the message on stderr; with --output json/yaml, `result` on stdout. */
export async function printDone(
  globals: GlobalOptions,
  message: string,
  result: Record<string, unknown>,
): Promise<void> {
  if (outputFormat(globals) !== 'table') await printResult(globals, result, []);
  process.stderr.write(`${message}\n`);
}
