#!/usr/bin/env node
// Usage: node scripts/generate.mjs <api> [packageDir]
// Syncs the pinned upstream document, applies the overlay, converts it to
// OpenAPI 3 and writes, into the API package:
//   openapi/openapi.json      the converted document (served by the test bed's Prism)
//   src/generated/schema.ts   the openapi-typescript types
// The same inputs always give byte-identical outputs; turbo caches this task.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { codegenApi } from './lib/generate-api.mjs';

const [api, packageDir = process.cwd()] = process.argv.slice(2);
if (!api) {
  console.error('Usage: node scripts/generate.mjs <api> [packageDir]');
  process.exit(2);
}
try {
  const started = performance.now();
  const { openapi, types } = await codegenApi(api);
  const out = resolve(packageDir);
  mkdirSync(join(out, 'openapi'), { recursive: true });
  mkdirSync(join(out, 'src', 'generated'), { recursive: true });
  writeFileSync(join(out, 'openapi', 'openapi.json'), `${JSON.stringify(openapi, null, 2)}\n`);
  writeFileSync(join(out, 'src', 'generated', 'schema.ts'), types);
  console.log(`generate ${api}: ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(`generate ${api} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
