#!/usr/bin/env node
// Usage: node scripts/generate-pipeline-spec.mjs [packageDir]
// Syncs the pinned upstream pipeline_spec.proto (specs/kfp-pipeline-spec/pin.json)
// and writes its protobuf-es types and schema descriptors into
// <packageDir>/src/generated/. The same inputs always give byte-identical outputs.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readPin, specFileName } from './lib/pins.mjs';
import { generateProtobufEs } from './lib/protobuf-codegen.mjs';
import { syncSpec } from './lib/sync.mjs';

const API = 'kfp-pipeline-spec';
const packageDir = resolve(process.argv[2] ?? process.cwd());
try {
  const started = performance.now();
  const pin = readPin(API);
  const protoFile = await syncSpec(pin);
  const source = `${pin.upstream.repo}@${pin.upstream.tag}:${pin.upstream.path}`;
  const files = generateProtobufEs(protoFile, specFileName(pin), source);
  const out = join(packageDir, 'src', 'generated');
  rmSync(out, { recursive: true, force: true });
  for (const [file, text] of files) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), text);
  }
  console.log(`generate ${API}: ${files.size} files, ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  const stderr = /** @type {{ stderr?: Buffer }} */ (error).stderr?.toString().trim();
  console.error(
    `generate ${API} failed: ${stderr || (error instanceof Error ? error.message : String(error))}`,
  );
  process.exit(1);
}
