#!/usr/bin/env node
// Usage: npm run specs:check [-- <api>...] [--json]
// Reports, per API, whether upstream has a newer release than the pin (the
// mirror's listing when SPECS_MIRROR / ../shared/specs exists, else the
// upstream repository's tags on GitHub). Exits 0 whether or not updates exist;
// --json prints [{ api, package, pinned, latest, updateAvailable }] for CI.
import { listApis } from './lib/pins.mjs';
import { checkSpecs } from './lib/update/check-specs.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const named = args.filter((arg) => !arg.startsWith('--'));

try {
  const results = await checkSpecs(named.length ? named : listApis());
  if (json) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    for (const { api, pinned, latest, updateAvailable } of results) {
      console.log(
        updateAvailable
          ? `specs:check ${api}: update available ${pinned} -> ${latest}: npm run specs:update -- ${api} ${latest}`
          : `specs:check ${api}: up to date (${pinned})`,
      );
    }
  }
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code;
  console.error(
    `specs:check failed${code ? ` [${code}]` : ''}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
