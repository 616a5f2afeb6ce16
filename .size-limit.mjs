// Size budgets of a minimal consumer of each published package (bench/consumers/),
// bundled for Node with esbuild, minified, gzipped. Checked by `npm run size` (size-limit 12:
// the last major that runs on Node 20) as part of `npm test`.
//
// Two budgets per package: the whole bundle, and the bundle without undici, which
// @ml-platform/core loads for TLS (dynamic import, only when `tls` is set) and which
// is ~97% of a one-file bundle. Without the second, doubling our own code would
// still fit the first. Auth plugins are measured with a kfp-v2 client, as used. Limits sit a few
// percent above the sizes measured when they were set (see bench/README.md).
//
// What the packages load with import() on first use only (the ServiceAccount token plugin of a
// KFP client created without auth, the pipeline package loader of runPipelinePackage, core's
// in-cluster file reader) is left out of the startup bundle, as bundlers split it into its own
// chunk; the `runPipelinePackage` budget below measures the loader's own cost.
const LOADED_ON_USE = new Set([
  '@ml-platform/auth-sa-token',
  '@ml-platform/kfp-pipeline-spec',
  '@ml-platform/core/in-cluster',
]);
const loadedOnUseStaysOut = {
  name: 'loaded-on-use-stays-out',
  setup(build) {
    build.onResolve({ filter: /^@ml-platform\// }, (args) =>
      args.kind === 'dynamic-import' && LOADED_ON_USE.has(args.path)
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};
const forNode = (config) => ({
  ...config,
  platform: 'node',
  plugins: [...(config.plugins ?? []), loadedOnUseStaysOut],
});

const budget = (name, path, whole, withoutUndici) => [
  { name, path, limit: whole, gzip: true, modifyEsbuildConfig: forNode },
  {
    name: `${name} (without undici)`,
    path,
    limit: withoutUndici,
    gzip: true,
    ignore: ['undici'],
    modifyEsbuildConfig: forNode,
  },
];

export default [
  // The API packages grew to 5.45 kB when the helpers' shared pieces moved into core's index.
  ...budget('@ml-platform/core', 'bench/consumers/core.mjs', '180 kB', '5.75 kB'),
  // No undici: the endpoint and helpers need no transport.
  ...budget('@ml-platform/kfp-common', 'bench/consumers/kfp-common.mjs', '1.25 kB', '1.25 kB'),
  // +1.4 kB when the KFP clients gained the zero-config in-pod auth and the client namespace (6.95 kB).
  ...budget('@ml-platform/kfp-v1', 'bench/consumers/kfp-v1.mjs', '180 kB', '7.25 kB'),
  ...budget('@ml-platform/kfp-v2', 'bench/consumers/kfp-v2.mjs', '180 kB', '7.25 kB'),
  // The loader (PipelineSpec protobuf types, js-yaml, fflate, modern-tar) measured 66.1 kB when set.
  ...budget(
    '@ml-platform/kfp-v2 runPipelinePackage with its loader',
    'bench/consumers/kfp-v2-run-package.mjs',
    '245 kB',
    '69 kB',
  ),
  // Meant to be loaded on demand (a dynamic import where a package is run), so it stays out of a
  // client's startup bundle. It needs no undici: one budget. 58.0 kB when set; the PipelineSpec
  // schema descriptor, @bufbuild/protobuf's JSON codec and js-yaml are most of it.
  {
    name: '@ml-platform/kfp-pipeline-spec',
    path: 'bench/consumers/kfp-pipeline-spec.mjs',
    limit: '60 kB',
    gzip: true,
    modifyEsbuildConfig: forNode,
  },
  ...budget(
    '@ml-platform/seldon-deploy-v1alpha1',
    'bench/consumers/seldon-deploy-v1alpha1.mjs',
    '180 kB',
    '5.5 kB',
  ),
  ...budget('@ml-platform/auth-sa-token + kfp-v2', 'bench/consumers/auth-sa-token.mjs', '185 kB', '10.75 kB'),
  ...budget('@ml-platform/auth-oidc + kfp-v2', 'bench/consumers/auth-oidc.mjs', '200 kB', '27.5 kB'),
  // tough-cookie's public-suffix list (tldts) is about two thirds of this one.
  ...budget(
    '@ml-platform/auth-dex-session + kfp-v2',
    'bench/consumers/auth-dex-session.mjs',
    '245 kB',
    '72.5 kB',
  ),
];
