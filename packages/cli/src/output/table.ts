/** One column of a table: its heading, how to read it from an item, and whether only `-o wide` shows it. */
export interface Column<Item> {
  heading: string;
  /** Print the heading as it is, not in capitals as kubectl prints headings: for data as headings (run ids). */
  verbatim?: boolean;
  value: (item: Item) => unknown;
  /** Shown only with `-o wide`, as kubectl's extra columns. */
  wide?: boolean;
}

/** kubectl separates columns with three spaces. */
const GAP = '   ';
const ELLIPSIS = '…';
/** No column is cut below this many characters to fit the terminal. */
const MIN_WIDTH = 8;

export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // One row per item: line breaks and tabs would break the columns.
  return text.replace(/[\r\n\t]+/g, ' ');
}

/**
 * Column widths for these rows, never narrower than `previous` (so a stream
 * printed in chunks stays aligned as far as it can), then cut down, widest
 * first, until the line fits `maxWidth` when one is given (a terminal), but
 * never below `minimums` (the headings, which stay whole) or a few characters.
 */
export function columnWidths(
  rows: string[][],
  previous: number[] = [],
  maxWidth?: number,
  minimums: number[] = [],
): number[] {
  const widths = rows[0]?.map((_, index) =>
    Math.max(previous[index] ?? 0, ...rows.map((row) => [...(row[index] ?? '')].length)),
  ) ?? [...previous];
  if (maxWidth === undefined) return widths;
  const fitted = [...widths];
  const lineWidth = () => fitted.reduce((sum, width) => sum + width, 0) + GAP.length * (fitted.length - 1);
  const floor = (index: number) => Math.min(widths[index] ?? 0, Math.max(MIN_WIDTH, minimums[index] ?? 0));
  while (lineWidth() > maxWidth) {
    // The widest column that can still give up characters.
    const candidates = fitted.map((width, index) => (width > floor(index) ? width : -1));
    const widest = candidates.indexOf(Math.max(...candidates));
    if ((candidates[widest] ?? -1) < 0) break;
    fitted[widest] = Math.max(floor(widest), (fitted[widest] ?? 0) - (lineWidth() - maxWidth));
  }
  return fitted;
}

/** Rows as kubectl prints them: left-aligned columns, no border, no trailing spaces. */
export function formatRows(rows: string[][], widths: number[]): string {
  return rows
    .map((row) =>
      row
        .map((cell, index) => {
          const width = widths[index] ?? 0;
          const chars = [...cell];
          const fitted = chars.length > width ? `${chars.slice(0, width - 1).join('')}${ELLIPSIS}` : cell;
          return index === row.length - 1
            ? fitted
            : fitted.padEnd(width + (fitted.length - [...fitted].length));
        })
        .join(GAP)
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
