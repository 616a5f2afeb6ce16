// Size budgets of a minimal consumer of each published package (bench/consumers/),
// bundled for Node with esbuild, minified, gzipped. Checked by `npm run size` (size-limit 12:
// the last major that runs on Node 20) as part of `npm test`.
//
// Two budgets per package: the whole bundle, and the bundle without undici, which
// @ml-platform/core loads for TLS (dynamic import, only when `tls` is set) and which
// is ~97% of a one-file bundle. Without the second, doubling our own code would
// still fit the first. Auth plugins are measured with a kfp-v2 client, as used. Limits sit a few
// percent above the sizes measured when they were set (see bench/README.md).
const forNode = (config) => ({ ...config, platform: 'node' });

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
  ...budget('@ml-platform/kfp-v1', 'bench/consumers/kfp-v1.mjs', '180 kB', '5.75 kB'),
  ...budget('@ml-platform/kfp-v2', 'bench/consumers/kfp-v2.mjs', '180 kB', '5.75 kB'),
  ...budget(
    '@ml-platform/seldon-deploy-v1alpha1',
    'bench/consumers/seldon-deploy-v1alpha1.mjs',
    '180 kB',
    '5.5 kB',
  ),
  ...budget('@ml-platform/auth-sa-token + kfp-v2', 'bench/consumers/auth-sa-token.mjs', '185 kB', '9.5 kB'),
  ...budget('@ml-platform/auth-oidc + kfp-v2', 'bench/consumers/auth-oidc.mjs', '200 kB', '26.5 kB'),
  // tough-cookie's public-suffix list (tldts) is about two thirds of this one.
  ...budget(
    '@ml-platform/auth-dex-session + kfp-v2',
    'bench/consumers/auth-dex-session.mjs',
    '245 kB',
    '72.5 kB',
  ),
];
