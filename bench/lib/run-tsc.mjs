// Runs one `tsc -p <project> --extendedDiagnostics` and reads its cost: wall
// time, what tsc reports (total/check time, memory used) and the peak RSS of
// the process tree from /usr/bin/time when it exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

/** @param {string} tsc path of a `bin/tsc` script @param {string} project */
export function runTsc(tsc, project) {
  const command = [process.execPath, tsc, '-p', project, '--extendedDiagnostics'];
  const [file, ...args] = hasGnuTime ? [GNU_TIME, '-f', 'peak-rss-kb=%M', ...command] : command;
  const started = performance.now();
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 2 ** 20 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(
      `tsc -p ${project} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  }
  const seconds = (label) =>
    Number(new RegExp(`^${label}:\\s+([\\d.]+)s`, 'm').exec(result.stdout)?.[1]) * 1000;
  return {
    wallMs,
    totalMs: seconds('Total time'),
    checkMs: seconds('Check time'),
    memoryUsedKb: Number(/^Memory used:\s+(\d+)K/m.exec(result.stdout)?.[1]),
    files: Number(/^Files:\s+(\d+)/m.exec(result.stdout)?.[1]),
    peakRssKb: Number(/peak-rss-kb=(\d+)/.exec(result.stderr)?.[1]),
  };
}
