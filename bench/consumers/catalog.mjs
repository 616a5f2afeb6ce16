// The minimal consumers, one per published package plus two baselines. The
// bundle-size figure (esbuild) and the size-limit budgets (.size-limit.mjs)
// both read this list, so they always measure the same programs.

/**
 * @typedef {object} Consumer
 * @property {string} id
 * @property {string} label
 * @property {string} file path relative to the repository root
 * @property {string} [packageDir] the package under test, relative to the root (absent for baselines)
 * @property {string} [factory] the export that must exist for the package to count as landed
 */

/** @type {Consumer[]} */
export const consumers = [
  { id: 'raw-fetch', label: 'baseline: raw fetch', file: 'bench/consumers/raw-fetch.mjs' },
  { id: 'openapi-fetch', label: 'baseline: bare openapi-fetch', file: 'bench/consumers/openapi-fetch.mjs' },
  { id: 'core', label: '@ml-platform/core', file: 'bench/consumers/core.mjs', packageDir: 'packages/core' },
  {
    id: 'kfp-v1',
    label: '@ml-platform/kfp-v1',
    file: 'bench/consumers/kfp-v1.mjs',
    packageDir: 'packages/kfp-v1',
  },
  {
    id: 'kfp-v2',
    label: '@ml-platform/kfp-v2',
    file: 'bench/consumers/kfp-v2.mjs',
    packageDir: 'packages/kfp-v2',
  },
  {
    id: 'kfp-pipeline-spec',
    label: '@ml-platform/kfp-pipeline-spec',
    file: 'bench/consumers/kfp-pipeline-spec.mjs',
    packageDir: 'packages/kfp-pipeline-spec',
    factory: 'loadPipelinePackage',
  },
  {
    id: 'kfp-metadata',
    label: '@ml-platform/kfp-metadata',
    file: 'bench/consumers/kfp-metadata.mjs',
    packageDir: 'packages/kfp-metadata',
    factory: 'createMetadataClient',
  },
  {
    id: 'seldon-deploy-v1alpha1',
    label: '@ml-platform/seldon-deploy-v1alpha1',
    file: 'bench/consumers/seldon-deploy-v1alpha1.mjs',
    packageDir: 'packages/seldon-deploy-v1alpha1',
  },
  {
    id: 'auth-sa-token',
    label: '@ml-platform/auth-sa-token + kfp-v2',
    file: 'bench/consumers/auth-sa-token.mjs',
    packageDir: 'packages/auth-sa-token',
  },
  {
    id: 'auth-oidc',
    label: '@ml-platform/auth-oidc + kfp-v2',
    file: 'bench/consumers/auth-oidc.mjs',
    packageDir: 'packages/auth-oidc',
  },
  {
    id: 'auth-dex-session',
    label: '@ml-platform/auth-dex-session + kfp-v2',
    file: 'bench/consumers/auth-dex-session.mjs',
    packageDir: 'packages/auth-dex-session',
  },
  {
    id: 'auth-kubeconfig',
    label: '@ml-platform/auth-kubeconfig + kfp-v2',
    file: 'bench/consumers/auth-kubeconfig.mjs',
    packageDir: 'packages/auth-kubeconfig',
  },
];
