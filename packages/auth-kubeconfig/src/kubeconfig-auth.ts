import { parseYaml } from '@ml-platform/core/yaml';
import { authFor, type KubeconfigAuth } from './auth-for-context.js';
import { loadKubeconfig } from './load/load-kubeconfig.js';
import { kubeconfigYamlParser } from './load/parse-kubeconfig-yaml.js';
import { checkOptions, type KubeconfigAuthOptions, resolveAuthOptions } from './options.js';

/**
 * Signs requests as the kubeconfig's user, as kubectl would: a `tokenFile`
 * (re-read when it changes and after a 401), a `token`, or an exec credential
 * plugin (`aws eks get-token`, `gke-gcloud-auth-plugin`, `kubelogin`), whose
 * credential is kept until its `expirationTimestamp`, shared by concurrent
 * requests and re-made after a 401. Client certificates go through the
 * transport: pass `auth.tls` as the client's `tls` (or use `kubeServiceProxy`).
 * As with kubectl, no bearer token is sent over plain `http://`.
 *
 * @example
 * const auth = kubeconfigAuth({ context: 'prod' });
 * const kfp = createKfpV2Client({ baseUrl: 'https://kfp.example.com/pipeline', auth, tls: auth.tls });
 */
export function kubeconfigAuth(options?: KubeconfigAuthOptions): KubeconfigAuth {
  const checked = checkOptions(options, []) as KubeconfigAuthOptions;
  const resolvedOptions = resolveAuthOptions(checked);
  return authFor(
    loadKubeconfig({ ...checked, env: resolvedOptions.env }, kubeconfigYamlParser(parseYaml)),
    resolvedOptions,
  );
}
