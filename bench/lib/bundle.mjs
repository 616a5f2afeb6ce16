// Bundles a consumer the way an app bundler would for Node (esbuild, ESM,
// minified, tree-shaken) and says where its bytes come from.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * @param {string} entry absolute path of the consumer
 * @param {{ external?: string[] }} [options]
 */
export async function bundleConsumer(entry, options = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: options.external ?? [],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  return {
    bytes,
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    bySource: bytesBySource(output.inputs),
  };
}

/** Minified bytes per origin: an npm package, one of ours, the generated types, or the consumer itself. */
function bytesBySource(inputs) {
  const totals = {};
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const key = sourceOf(path);
    totals[key] = (totals[key] ?? 0) + bytesInOutput;
  }
  return totals;
}

function sourceOf(path) {
  if (/(^|\/)src\/generated\/|\/dist\/generated\//.test(path)) return 'generated types';
  const ours = /(?:^|\/)packages\/([^/]+)\//.exec(path);
  if (ours) return `@ml-platform/${ours[1]}`;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return dependency ? dependency[1] : 'consumer';
}
