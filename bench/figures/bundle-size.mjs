// Figure 3: what a Node app that bundles a minimal consumer of each package
// ships (esbuild, minified, gzip -9), next to the same call with raw fetch and
// bare openapi-fetch. The generated `paths` types are erased at compile time:
// the table shows their source size and the bytes they add to the bundle (0).
// undici comes from core's TLS support, behind a dynamic import(): a one-file
// bundle still carries it, a code-split bundle loads it only when `tls` is set.
// "without undici" is the one-file bundle with undici left external. The
// startup column is what the size budgets (.size-limit.mjs) check: the
// consumer's static import graph, with every dynamic import() left out.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consumers } from '../consumers/catalog.mjs';
import { bundleConsumer, startupBytes } from '../lib/bundle.mjs';
import { kilobytes } from '../lib/table.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function measureBundleSize() {
  const rows = [];
  for (const consumer of consumers) {
    const full = await bundleConsumer(join(ROOT, consumer.file));
    const withoutUndici = await bundleConsumer(join(ROOT, consumer.file), { external: ['undici'] });
    const split = await startupBytes(join(ROOT, consumer.file));
    rows.push({ ...consumer, full, withoutUndici, split, generatedSource: generatedSourceBytes(consumer) });
  }
  const openapiFetch = rows.find((row) => row.id === 'openapi-fetch');
  const generatedCell = (row) =>
    row.generatedSource === undefined
      ? '—'
      : `${kilobytes(row.generatedSource)} → ${kilobytes(row.full.bySource['generated types'] ?? 0)}`;
  const table = {
    title: 'Bundle size of a minimal consumer (esbuild --bundle --minify --platform=node, gzip -9)',
    columns: [
      'consumer',
      'one file: minified',
      'gzip',
      'undici in it (min)',
      'gzip w/o undici',
      'code-split: gzip loaded at startup',
      'startup vs bare openapi-fetch',
      'generated types: source → in bundle',
    ],
    rows: rows.map((row) => [
      row.label,
      kilobytes(row.full.minified),
      kilobytes(row.full.gzip),
      kilobytes(row.full.bySource.undici ?? 0),
      kilobytes(row.withoutUndici.gzip),
      kilobytes(row.split.atStartup),
      `${(row.split.atStartup / openapiFetch.split.atStartup).toFixed(2)}×`,
      generatedCell(row),
    ]),
    notes: [
      'Each consumer creates a client and makes one call (bench/consumers/). @ml-platform/core loads undici with ' +
        'a dynamic import() only when a client sets `tls`: esbuild inlines it into a one-file bundle, and puts it ' +
        'in a chunk of its own with --splitting, which a client without `tls` never loads. Startup: the ' +
        "consumer's chunk and the chunks it imports statically; every dynamic import() is a chunk loaded on use.",
    ],
  };
  return { id: 'bundle-size', table, data: { rows } };
}

/**
 * Size of the package's generated code: schema.ts (openapi-typescript: types only, free at runtime)
 * or the protobuf-es modules of a .proto (schema descriptors, which do ship).
 */
function generatedSourceBytes(consumer) {
  if (!consumer.packageDir) return undefined;
  const dir = join(ROOT, consumer.packageDir, 'src', 'generated');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((file) => statSync(file).isFile())
    .reduce((total, file) => total + statSync(file).size, 0);
}
