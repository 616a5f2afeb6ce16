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
  // The API packages grew to 5.45 kB when the helpers' shared pieces moved into core's index,
  // and to 9.2 kB with the transport's retries, proxy option, TLS checks and network-error
  // diagnosis (+3.3 kB gzip: network-error.js 3.4 kB and retry-options.js 1.8 kB minified are
  // mostly the messages that say what to do; node/undici-fetch.js, loaded by dynamic import,
  // is inlined here because this bundle has no code splitting).
  ...budget('@ml-platform/core', 'bench/consumers/core.mjs', '180 kB', '9.5 kB'),
  ...budget('@ml-platform/kfp-v1', 'bench/consumers/kfp-v1.mjs', '180 kB', '9.5 kB'),
  ...budget('@ml-platform/kfp-v2', 'bench/consumers/kfp-v2.mjs', '180 kB', '9.5 kB'),
  // No undici: the endpoint and helpers need no transport.
  ...budget('@ml-platform/kfp-common', 'bench/consumers/kfp-common.mjs', '1.25 kB', '1.25 kB'),
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
    '9.25 kB',
  ),
  ...budget('@ml-platform/auth-sa-token + kfp-v2', 'bench/consumers/auth-sa-token.mjs', '185 kB', '13 kB'),
  ...budget('@ml-platform/auth-oidc + kfp-v2', 'bench/consumers/auth-oidc.mjs', '200 kB', '29.5 kB'),
  // tough-cookie's public-suffix list (tldts) is about two thirds of this one. htmlparser2 and its
  // entity tables (issue 12: a linear, well-kept HTML reader instead of regexes) add ~22 kB; both
  // load behind a dynamic import() at the first login, so a code-split bundle starts without them.
  ...budget(
    '@ml-platform/auth-dex-session + kfp-v2',
    'bench/consumers/auth-dex-session.mjs',
    '275 kB',
    '101 kB',
  ),
  // yaml (the kubeconfig parser) is 36 kB of the 53 kB without undici; @kubernetes/client-node's loader alone is ~205 kB.
  ...budget(
    '@ml-platform/auth-kubeconfig + kfp-v2',
    'bench/consumers/auth-kubeconfig.mjs',
    '230 kB',
    '55.5 kB',
  ),
];
