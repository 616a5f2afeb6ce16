#!/usr/bin/env node
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// `npm run size`: checks the size budgets in .size-limit.mjs and fails when a
// bundle grew past its limit, so a size regression fails CI.
//
// Why not the `size-limit` binary: size-limit 14 (and its rolldown plugin)
// needs Node >= 22.19 (it imports `glob` from node:fs/promises), and this
// project runs on Node 20. This script reads the same config, in size-limit's
// own vocabulary (`path`, `limit`, `gzip`, `brotli`, `ignore`), and measures
// with esbuild like bench figure 3. On Node >= 22.19, `npx size-limit` reads
// the same file (bundling with rolldown, a few hundred bytes apart).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bundleConsumer } from '../lib/bundle.mjs';
import { formatBytes, parseBytes } from './bytes.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The size size-limit's file plugin would report: gzip -9, raw, or brotli -11 (its default). */
function compressedSize(bytes, check) {
  if (check.gzip === true) return { size: gzipSync(bytes, { level: 9 }).length, unit: 'gzip' };
  if (check.brotli === false) return { size: bytes.length, unit: 'minified' };
  const params = { [constants.BROTLI_PARAM_QUALITY]: 11 };
  return { size: brotliCompressSync(bytes, { params }).length, unit: 'brotli' };
}

const { default: checks } = await import(pathToFileURL(join(ROOT, '.size-limit.mjs')).href);
let failures = 0;
for (const check of checks) {
  let line;
  try {
    const { bytes } = await bundleConsumer(join(ROOT, check.path), { external: check.ignore });
    const { size, unit } = compressedSize(bytes, check);
    const limit = parseBytes(check.limit);
    const over = size > limit;
    if (over) failures += 1;
    line = `${over ? 'FAIL' : 'ok  '} ${check.name}: ${formatBytes(size)} ${unit} (limit ${formatBytes(limit)})`;
  } catch (error) {
    failures += 1;
    const reason = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    line = `FAIL ${check.name}: could not bundle ${check.path} (${reason}). Did \`npm run build\` run first?`;
  }
  console.log(line);
}
if (failures) {
  console.error(
    `\n${failures} size check(s) failed. If the growth is intended, raise the limit in .size-limit.mjs ` +
      'in the same commit and say why in its message.',
  );
  process.exitCode = 1;
}
