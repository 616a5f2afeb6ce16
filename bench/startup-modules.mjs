#!/usr/bin/env node
// Usage: node bench/startup-modules.mjs bench/consumers/kfp-v2.mjs [top]
// What a consumer loads at startup (figure 3's code-split column), module by module: the gzip total
// and the minified bytes each source module puts in the chunks loaded before anything happens.
// For finding what to load later; `npm run size` is what checks the budgets.
import { resolve } from 'node:path';
import { startupBytes } from './lib/bundle.mjs';

const [consumer, top = '40'] = process.argv.slice(2);
if (!consumer) {
  console.error('usage: node bench/startup-modules.mjs <consumer.mjs> [how many modules to list]');
  process.exit(2);
}
const { atStartup, byModule } = await startupBytes(resolve(consumer));
console.log(`${consumer}: ${atStartup} bytes gzip at startup (code-split, esbuild)`);
for (const [path, bytes] of Object.entries(byModule).slice(0, Number(top)))
  console.log(`${String(bytes).padStart(8)}  ${path}`);
