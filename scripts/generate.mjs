#!/usr/bin/env node
// Usage: node scripts/generate.mjs <api> [packageDir]
// Syncs the pinned upstream document and writes, into the package:
// - a Swagger pin: the overlay applied, converted to OpenAPI 3:
//     openapi/openapi.json      the converted document (served by the test bed's Prism)
//     src/generated/schema.ts   the openapi-typescript types
// - a protobuf pin ("format": "protobuf"): src/generated/**, the protobuf-es types and schemas
// The same inputs always give byte-identical outputs; turbo caches this task.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { codegenApi } from './lib/generate-api.mjs';
import { codegenProtobuf } from './lib/generate-protobuf.mjs';
import { isProtobufPin, readPin } from './lib/pins.mjs';

const [api, packageDir = process.cwd()] = process.argv.slice(2);
if (!api) {
  console.error('Usage: node scripts/generate.mjs <api> [packageDir]');
  process.exit(2);
}
try {
  const started = performance.now();
  const out = resolve(packageDir);
  if (isProtobufPin(readPin(api))) {
    const { files } = await codegenProtobuf(api);
    const generated = join(out, 'src', 'generated');
    rmSync(generated, { recursive: true, force: true });
    for (const [file, text] of files) {
      mkdirSync(dirname(join(generated, file)), { recursive: true });
      writeFileSync(join(generated, file), text);
    }
  } else {
    const { openapi, types } = await codegenApi(api);
    mkdirSync(join(out, 'openapi'), { recursive: true });
    mkdirSync(join(out, 'src', 'generated'), { recursive: true });
    writeFileSync(join(out, 'openapi', 'openapi.json'), `${JSON.stringify(openapi, null, 2)}\n`);
    writeFileSync(join(out, 'src', 'generated', 'schema.ts'), types);
  }
  console.log(`generate ${api}: ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  const stderr = /** @type {{ stderr?: Buffer }} */ (error).stderr?.toString().trim();
  console.error(
    `generate ${api} failed: ${stderr || (error instanceof Error ? error.message : String(error))}`,
  );
  process.exit(1);
}
