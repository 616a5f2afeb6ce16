import { readdirSync, readFileSync } from 'node:fs';

/**
 * The ids of live processes whose environment has `name=value`: how a test
 * finds what a program it started left behind, including grandchildren that
 * were re-parented when their parent exited. Children inherit the
 * environment, so marking the program's environment marks them all. Linux
 * only (reads /proc); elsewhere it returns an empty list.
 */
export function processesWithEnv(name: string, value: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const needle = `${name}=${value}`;
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environment = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      // A zombie has exited; it only waits for its parent to read its status.
      if (state !== 'Z' && environment.includes(needle)) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
