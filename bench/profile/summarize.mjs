// Where a client's CPU time went: self time per source file and per function, from the .cpuprofile files
// `node --cpu-prof` wrote, as shares of the busy time (idle left out). Usage:
//   node bench/profile/summarize.mjs <dir-of-one-contender> [rows]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, rows = '25'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node bench/profile/summarize.mjs <profile-dir> [rows]');
const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
if (files.length !== 1) throw new Error(`${dir} holds ${files.length} profiles; expected the client's one`);
const profile = JSON.parse(readFileSync(join(dir, files[0]), 'utf8'));

const selfMicros = new Map();
for (const [index, id] of profile.samples.entries()) {
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
}
/** Paths shortened to what identifies them: a package, one of ours, or a Node built-in. */
const where = (url) => url.replace(/^.*node_modules\//, '').replace(/^.*\/packages\//, '@ml-platform/');
const byFile = new Map();
const byFunction = new Map();
let busy = 0;
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)') continue;
  busy += micros;
  const file = url ? where(url) : functionName;
  byFile.set(file, (byFile.get(file) ?? 0) + micros);
  const fn = `${functionName || '(anonymous)'} ${url ? `${where(url)}:${lineNumber + 1}` : ''}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
}
const top = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(rows))
    .map(([name, micros]) => `${((micros / busy) * 100).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');
const ours = [...byFile]
  .filter(([file]) => file.startsWith('@ml-platform/'))
  .reduce((sum, [, m]) => sum + m, 0);
console.log(
  `busy ${(busy / 1000).toFixed(0)} ms; in @ml-platform code: ${((ours / busy) * 100).toFixed(1)}%`,
);
console.log(`\nself time by file\n${top(byFile)}\n\nself time by function\n${top(byFunction)}`);
