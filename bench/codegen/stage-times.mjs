// Times each codegen stage of every API, in a fresh Node process over a repo
// copy whose spec cache is empty: loading the tools, sync (mirror or HTTPS,
// sha256 check), overlay + Swagger 2.0 -> OpenAPI 3 conversion (none for a
// .proto), and type generation (buf + protoc-gen-es for a .proto).
// Prints one JSON line. Usage: node stage-times.mjs <repoRoot>
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.argv[2];
const lib = (name) => import(pathToFileURL(join(root, 'scripts', 'lib', name)).href);

const started = performance.now();
const [
  { isProtobufPin, listApis, pinnedFiles, protoModulePath, readPin },
  { syncSpec },
  { convertSpec },
  { generateTypes },
  protobuf,
] = await Promise.all([
  lib('pins.mjs'),
  lib('sync.mjs'),
  lib('convert.mjs'),
  lib('codegen.mjs'),
  lib('protobuf-codegen.mjs'),
]);
const loadToolsMs = performance.now() - started;

const apis = [];
for (const api of listApis()) {
  const pin = readPin(api);
  const t0 = performance.now();
  const synced = [];
  for (const file of pinnedFiles(pin))
    synced.push({ file: await syncSpec(file), name: protoModulePath(pin, file) });
  const file = synced[0].file;
  const t1 = performance.now();
  const openapi = isProtobufPin(pin) ? undefined : await convertSpec(api, file);
  const t2 = performance.now();
  const types = openapi
    ? await generateTypes(openapi)
    : [...protobuf.generateProtobufEs(synced, api).values()].join('');
  const t3 = performance.now();
  apis.push({
    api,
    syncMs: t1 - t0,
    convertMs: t2 - t1,
    typesMs: t3 - t2,
    typesBytes: Buffer.byteLength(types),
  });
}
console.log(JSON.stringify({ loadToolsMs, apis, totalMs: performance.now() - started }));
