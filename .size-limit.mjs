// Size budgets of a minimal consumer of each published package (bench/consumers/),
// bundled for Node, minified, gzip -9. Checked by `npm run size` (bench/size/check-budgets.mjs);
// size-limit itself reads this file too on Node >= 22.19.
//
// Two budgets per package: the whole bundle, and the bundle without undici, which
// @ml-platform/core imports for TLS and which is ~97% of the whole. Without the
// second, doubling our own code would still fit the first. Limits sit a few
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
];
