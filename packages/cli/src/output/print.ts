import type { GlobalOptions } from '../global-options.js';
import { type Column, cellText, columnWidths, formatRows } from './table.js';

export type { Column } from './table.js';

/** `-o wide` and `--no-headers` besides the formats every command takes. */
export type PrintFormat = 'table' | 'wide' | 'json' | 'yaml';
type PrintOptions = Omit<GlobalOptions, 'output'> & { output?: PrintFormat; headers?: boolean };

/** A list streamed as a table is aligned and flushed this many rows at a time (kubectl's default chunk). */
const TABLE_CHUNK_ROWS = 500;

export function outputFormat(globals: GlobalOptions): PrintFormat {
  return (globals as PrintOptions).output ?? 'table';
}

function isTable(format: PrintFormat): boolean {
  return format === 'table' || format === 'wide';
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
  const table = new TablePrinter(globals as PrintOptions, columns);
  for (const item of Array.isArray(result) ? result : [result]) table.add(item);
  await table.flush();
}

/**
 * Prints a list as it arrives, so a long list never sits in memory whole:
 * a JSON array written item by item, a YAML sequence entry by entry, or a
 * table flushed every few hundred rows.
 */
export async function printList<Item>(
  globals: GlobalOptions,
  items: AsyncIterable<Item>,
  columns: Column<Item>[],
): Promise<void> {
  const format = outputFormat(globals);
  if (format === 'json') {
    let first = true;
    for await (const item of items) {
      const text = JSON.stringify(item, null, 2).replace(/^/gm, '  ');
      await write(`${first ? '[\n' : ',\n'}${text}`);
      first = false;
    }
    await write(first ? '[]\n' : '\n]\n');
    return;
  }
  if (format === 'yaml') {
    const { stringify } = await import('yaml');
    let empty = true;
    for await (const item of items) {
      await write(stringify([item]));
      empty = false;
    }
    if (empty) await write('[]\n');
    return;
  }
  const table = new TablePrinter(globals as PrintOptions, columns);
  for await (const item of items) {
    table.add(item);
    if (table.pending >= TABLE_CHUNK_ROWS) await table.flush();
  }
  await table.flush();
}

/** A confirmation for a command without a result: the message on stderr; with --output json/yaml, `result` on stdout. */
export async function printDone(
  globals: GlobalOptions,
  message: string,
  result: Record<string, unknown>,
): Promise<void> {
  if (!isTable(outputFormat(globals))) await printResult(globals, result, []);
  process.stderr.write(`${message}\n`);
}

/** Waits for stdout to drain, so a long stream is not buffered whole when the reader is slower. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}

class TablePrinter<Item> {
  readonly #columns: Column<Item>[];
  readonly #headers: boolean;
  #rows: string[][] = [];
  #widths: number[] = [];
  #started = false;

  constructor(options: PrintOptions, columns: Column<Item>[]) {
    this.#columns = columns.filter((column) => !column.wide || options.output === 'wide');
    this.#headers = options.headers !== false;
  }

  get pending(): number {
    return this.#rows.length;
  }

  add(item: Item): void {
    this.#rows.push(this.#columns.map((column) => cellText(column.value(item))));
  }

  async flush(): Promise<void> {
    if (this.#started && this.#rows.length === 0) return;
    if (!this.#started && this.#rows.length === 0) {
      // As kubectl: an empty list prints nothing on stdout and says so on stderr.
      this.#started = true;
      process.stderr.write('No resources found.\n');
      return;
    }
    const rows =
      !this.#started && this.#headers
        ? [
            this.#columns.map((column) => (column.verbatim ? column.heading : column.heading.toUpperCase())),
            ...this.#rows,
          ]
        : this.#rows;
    this.#started = true;
    this.#rows = [];
    if (rows.length === 0) return;
    // Cut to the terminal's width only on a terminal: piped output keeps every character.
    const maxWidth = process.stdout.isTTY ? process.stdout.columns : undefined;
    const headings = this.#headers ? this.#columns.map((column) => column.heading.length) : [];
    this.#widths = columnWidths(rows, this.#widths, maxWidth, headings);
    await write(formatRows(rows, this.#widths));
  }
}
