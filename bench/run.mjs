#!/usr/bin/env node
// `npm run bench`: measures where the clients stand (request overhead, auth
// cost, credential acquisition, bundle size, import time, listAll memory,
// type-check time, codegen time, Dex login-page reading, pipeline package
// load time, a compressed body that inflates past the limit),
// prints one table per figure and writes everything to bench/results/.
// Never part of `npm test`: it needs a quiet machine and minutes, not seconds.
import { measureBundleSize } from './figures/bundle-size.mjs';
import { measureCliStartup } from './figures/cli-startup.mjs';
import { measureCodegenTime } from './figures/codegen-time.mjs';
import { measureCredentialAcquisition } from './figures/credential-acquisition.mjs';
import { measureDexPageParse } from './figures/dex-page-parse.mjs';
import { measureImportTime } from './figures/import-time.mjs';
import { measureInflatingBody } from './figures/inflating-body.mjs';
import { measureListMemory } from './figures/list-memory.mjs';
import { measurePipelineLoad } from './figures/pipeline-load.mjs';
import { measureRequestOverhead } from './figures/request-overhead.mjs';
import { measureTypecheckCost } from './figures/typecheck-cost.mjs';
import { describeMachine, machineLine } from './lib/machine.mjs';
import { readOptions, USAGE } from './lib/options.mjs';
import { writeResults } from './lib/results.mjs';
import { markdownTable } from './lib/table.mjs';

const options = readOptions();
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const FIGURE_RUNNERS = {
  overhead: () => measureRequestOverhead(options.size.overhead),
  acquisition: () => measureCredentialAcquisition(options.size.acquisition),
  bundle: () => measureBundleSize(),
  imports: () => measureImportTime(options.size.imports),
  memory: () => measureListMemory(options.size.memory),
  typecheck: () => measureTypecheckCost(options.size.typecheck, options),
  codegen: () => measureCodegenTime(options.size.codegen),
  'dex-parse': () => measureDexPageParse(options.size.dexParse),
  'pipeline-load': () => measurePipelineLoad(options.size['pipeline-load']),
  cli: () => measureCliStartup(options.size.cli),
  'inflating-body': () => measureInflatingBody(options.size['inflating-body']),
};

const machine = describeMachine();
console.log(`Machine: ${machineLine(machine)}${options.quick ? ' (quick run: not for publishing)' : ''}\n`);
const figures = [];
let failed = 0;
for (const name of options.figures) {
  const started = performance.now();
  try {
    const figure = await FIGURE_RUNNERS[name]();
    figures.push({ ...figure, seconds: Math.round((performance.now() - started) / 100) / 10 });
    console.log(`${markdownTable(figure.table)}\n`);
  } catch (error) {
    failed += 1;
    console.error(
      `Figure "${name}" failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}
const file = writeResults({ machine, quick: options.quick, figures });
console.log(`Results written to ${file}`);
process.exitCode = failed ? 1 : 0;
