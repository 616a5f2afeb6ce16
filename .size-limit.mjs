// Size budgets of a minimal consumer of each published package (bench/consumers/),
// bundled for Node, minified, gzip -9. Checked by `npm run size` (bench/size/check-budgets.mjs);
// size-limit itself reads this file too on Node >= 22.19.
//
// Two budgets per package: the whole bundle, and the bundle without undici, which
// @ml-platform/core loads for TLS (dynamic import, only when `tls` is set) and which
// is ~97% of a one-file bundle. Without the second, doubling our own code would
// still fit the first. Auth plugins are measured with a kfp-v2 client, as used. Limits sit a few
// percent above the sizes measured when they were set (see bench/README.md).
const forNode = (config) => ({ ...config, platform: 'node' });

const budget = (name, path, whole, withoutUndici) => [
  { name, path, limit: whole, gzip: true, modifyRolldownConfig: forNode },
  {
    name: `${name} (without undici)`,
    path,
    limit: withoutUndici,
    gzip: true,
    ignore: ['undici'],
    modifyRolldownConfig: forNode,
  },
];

export default [
  ...budget('@ml-platform/core', 'bench/consumers/core.mjs', '180 kB', '5.5 kB'),
  ...budget('@ml-platform/kfp-v1', 'bench/consumers/kfp-v1.mjs', '180 kB', '5.5 kB'),
  ...budget('@ml-platform/kfp-v2', 'bench/consumers/kfp-v2.mjs', '180 kB', '5.5 kB'),
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
