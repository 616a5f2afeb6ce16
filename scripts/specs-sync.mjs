#!/usr/bin/env node
// Usage: npm run specs:sync [-- <api>...]
// Obtains every pinned upstream document (from SPECS_MIRROR, ../shared/specs, or
// upstream over HTTPS) into specs/.cache and verifies its sha256 against the pin.
import { listApis, pinnedFiles, readPin } from './lib/pins.mjs';
import { syncSpec } from './lib/sync.mjs';

const apis = process.argv.slice(2).length ? process.argv.slice(2) : listApis();
let failed = 0;
for (const api of apis) {
  try {
    for (const file of pinnedFiles(readPin(api))) {
      await syncSpec(file, { log: (line) => console.log(`specs:sync ${line}`) });
    }
  } catch (error) {
    failed += 1;
    console.error(`specs:sync failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
