// The human-readable report of a comparison: Markdown, grouped by operation and
// schema, one line per change with its class. Printed by `specs:update` and used
// as the changeset's body, so it ends up in the package's CHANGELOG.
import { CLASS_ORDER } from './rules.mjs';

/**
 * @typedef {import('./changes.mjs').Change} Change
 * @typedef {{
 *   api: string,
 *   from: string,
 *   to: string,
 *   changes: Change[],
 *   release: import('./bump.mjs').Release,
 * }} ReportInput
 */

const SECTIONS = /** @type {const} */ ([
  ['operation', 'Operations'],
  ['schema', 'Schemas'],
  ['component', 'Other exported components'],
  ['document', 'Document'],
]);

/** @param {ReportInput} input @returns {string} */
export function renderReport({ api, from, to, changes, release }) {
  const lines = [
    `Regenerated from upstream ${api} ${to} (was ${from}).`,
    '',
    `${release.explanation} ${countLine(changes)}`,
  ];
  for (const [kind, title] of SECTIONS) {
    const groups = groupChanges(changes.filter((change) => change.group.kind === kind));
    if (groups.length === 0) continue;
    lines.push('', `**${title}**`, '');
    for (const { label, changes: entries } of groups) {
      if (kind === 'document') {
        for (const change of entries) lines.push(`- ${change.class}: ${change.message}`);
        continue;
      }
      lines.push(`- ${label}`);
      for (const change of entries) lines.push(`  - ${change.class}: ${change.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** @param {Change[]} changes */
function countLine(changes) {
  const counts = [...CLASS_ORDER]
    .reverse()
    .map((cls) => [cls, changes.filter((change) => change.class === cls).length])
    .filter(([, count]) => count)
    .map(([cls, count]) => `${count} ${cls}`);
  return `${changes.length} change${changes.length === 1 ? '' : 's'}: ${counts.join(', ')}.`;
}

/**
 * Groups sorted with the most severe first, then by name; changes inside a
 * group likewise, keeping the comparison's order among equals.
 * @param {Change[]} changes
 */
function groupChanges(changes) {
  /** @type {Map<string, { label: string, rank: number, changes: Change[] }>} */
  const groups = new Map();
  for (const change of changes) {
    const { name, detail } = change.group;
    const group = groups.get(name) ?? {
      label: `\`${name}\`${detail ? ` (\`${detail}\`)` : ''}`,
      rank: 0,
      changes: [],
    };
    group.rank = Math.max(group.rank, CLASS_ORDER.indexOf(change.class));
    group.changes.push(change);
    groups.set(name, group);
  }
  const severity = (/** @type {Change} */ change) => CLASS_ORDER.indexOf(change.class);
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => y.rank - x.rank || a.localeCompare(b))
    .map(([, group]) => ({
      ...group,
      changes: [...group.changes].sort((a, b) => severity(b) - severity(a)),
    }));
}
