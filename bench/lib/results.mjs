// Writes a run's results as JSON under bench/results/ (gitignored): one file
// per run, plus latest.json, so runs can be compared without re-running.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** @param {{ machine: object, quick: boolean, figures: object[] }} run @returns {string} the file written */
export function writeResults(run) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date()
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
  const json = `${JSON.stringify({ date: new Date().toISOString(), ...run }, null, 2)}\n`;
  const file = `${RESULTS_DIR}bench-${stamp}${run.quick ? '-quick' : ''}.json`;
  writeFileSync(file, json);
  writeFileSync(`${RESULTS_DIR}latest.json`, json);
  return file;
}
