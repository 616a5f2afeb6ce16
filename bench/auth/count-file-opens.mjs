// Counts how often a file is opened, observed from outside the code under
// test: fs.promises.open is wrapped and `syncBuiltinESMExports` pushes the
// wrapper into every module's `import { open } from 'node:fs/promises'`
// binding. "The token file was read once" is then a measurement, not the
// plugin's own word. Only opens of the watched path are counted.
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

/** @param {string} path @returns {{ count: () => number, restore: () => void }} */
export function countFileOpens(path) {
  const watched = resolve(path);
  const original = fsPromises.open;
  let opens = 0;
  fsPromises.open = function countedOpen(file, ...rest) {
    if (typeof file === 'string' && resolve(file) === watched) opens += 1;
    return original.call(this, file, ...rest);
  };
  syncBuiltinESMExports();
  return {
    count: () => opens,
    restore() {
      fsPromises.open = original;
      syncBuiltinESMExports();
    },
  };
}
