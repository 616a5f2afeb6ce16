// Bundles a consumer the way an app bundler would for Node (esbuild, ESM,
// minified, tree-shaken) and says where its bytes come from.
import { resolve } from 'node:path';
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

/**
 * Gzip bytes a consumer loads at startup when bundled with code splitting:
 * the consumer's own chunk and the chunks it imports statically. Code behind a
 * dynamic `import()` (undici for `tls` and `proxy`, the network-error
 * diagnosis, a plugin's login flow) lands in chunks that are shipped but
 * never loaded unless used.
 * @param {string} entry absolute path of the consumer
 */
export async function startupBytes(entry) {
  const workingDir = process.cwd();
  const result = await build({
    absWorkingDir: workingDir,
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    outdir: 'split-out',
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const gzipOf = new Map(
    result.outputFiles.map((file) => [file.path, gzipSync(file.contents, { level: 9 }).length]),
  );
  const sizeOf = (name) => [...gzipOf].find(([path]) => path.endsWith(`/${name}`))?.[1] ?? 0;
  const loaded = new Set();
  const visit = (name) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const { path, kind } of outputs[name].imports)
      if (kind === 'import-statement' && outputs[path]) visit(path);
  };
  // Every dynamically imported module is an entry point of its own chunk too: start from the consumer's.
  const consumerChunk = Object.keys(outputs).find(
    (name) => outputs[name].entryPoint && resolve(workingDir, outputs[name].entryPoint) === resolve(entry),
  );
  if (consumerChunk === undefined) throw new Error(`esbuild emitted no chunk for the entry point ${entry}`);
  visit(consumerChunk);
  const all = [...gzipOf.values()].reduce((sum, size) => sum + size, 0);
  const atStartup = [...loaded].reduce((sum, name) => sum + sizeOf(name), 0);
  /** Minified bytes per source module in the chunks loaded at startup, largest first. */
  const byModule = Object.fromEntries(
    [...loaded]
      .flatMap((name) => Object.entries(outputs[name].inputs))
      .map(([path, { bytesInOutput }]) => [path, bytesInOutput])
      .sort((a, b) => b[1] - a[1]),
  );
  return { atStartup, all, chunks: Object.keys(outputs).length, byModule };
}
