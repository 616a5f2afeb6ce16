// Plain-text tables for the terminal and the README (GitHub-flavoured markdown).

/**
 * @param {{ title: string, columns: string[], rows: (string | number)[][], notes?: string[] }} table
 * @returns {string}
 */
export function markdownTable({ title, columns, rows, notes = [] }) {
  const cells = [columns, ...rows.map((row) => row.map(String))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row) => `| ${row.map((cell, i) => (cell ?? '').padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [
    `### ${title}`,
    '',
    line(cells[0]),
    rule,
    ...cells.slice(1).map(line),
    '',
    ...notes.map((n) => `${n}`),
  ]
    .join('\n')
    .trimEnd();
}

/** @param {number} value @param {number} [digits] */
export function fixed(value, digits = 2) {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** @param {number} bytes */
export function kilobytes(bytes) {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}
