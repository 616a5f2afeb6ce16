#!/usr/bin/env node
// Usage: npm run specs:update -- <api> <version> [--dry-run] [--no-generate]
// Moves specs/<api>/pin.json to upstream release <version> (from SPECS_MIRROR /
// ../shared/specs, else GitHub), checks the overlay still applies, compares the
// old and new documents as users of the package see them, regenerates the
// package and writes a changeset whose body is the printed report.
//   --dry-run      print the report, write nothing
//   --no-generate  skip regenerating the package (run `npm run generate` later)
import { listApis } from './lib/pins.mjs';
import { updateSpec } from './lib/update/update-spec.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const [api, version] = args.filter((arg) => !arg.startsWith('--'));
const unknownFlags = [...flags].filter((flag) => flag !== '--dry-run' && flag !== '--no-generate');
if (!api || !version || unknownFlags.length) {
  console.error(
    `Usage: npm run specs:update -- <api> <version> [--dry-run] [--no-generate]\nAPIs: ${listApis().join(', ')}` +
      (unknownFlags.length ? `\nUnknown option: ${unknownFlags.join(', ')}` : ''),
  );
  process.exit(2);
}

try {
  const result = await updateSpec({
    api,
    version,
    dryRun: flags.has('--dry-run'),
    generate: !flags.has('--no-generate'),
    log: (line) => console.log(`specs:update ${line}`),
  });
  if (result.status === 'already-pinned') {
    console.log(`specs:update ${api}: already pinned to ${version}; nothing to do.`);
  } else if (result.status === 'no-change') {
    console.log(
      `specs:update ${api}: ${result.from} -> ${result.to} changes nothing users of the package see; ` +
        `${flags.has('--dry-run') ? 'the pin would move' : 'pin moved'}, no changeset.`,
    );
  } else {
    console.log(`\n${result.report}`);
    if (result.changesetFile)
      console.log(`specs:update ${api}: pin updated, changeset ${result.changesetFile}`);
    else console.log(`specs:update ${api}: dry run, nothing written (bump: ${result.release?.bump}).`);
  }
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code;
  console.error(
    `specs:update failed${code ? ` [${code}]` : ''}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
