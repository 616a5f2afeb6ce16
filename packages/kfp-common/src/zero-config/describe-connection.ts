import { processEnv } from '../process-env.js';
import { kfpEndpointStep } from './endpoint-chain.js';
import { DEFAULT_KUBE_SERVICE } from './kube-service.js';
import { type KubeconfigConnection, kubeconfigRoute } from './kubeconfig-route.js';

/** Where a KFP client made without `baseUrl` sends its requests, and why the earlier steps of the chain were not used. */
export type KfpConnection =
  | {
      /** The step of the chain that was picked. */
      readonly source: 'KF_PIPELINES_ENDPOINT' | 'in-cluster';
      /** Where the client sends its requests. */
      readonly baseUrl: string;
      /** Why the earlier steps were not used. */
      readonly skipped: readonly string[];
    }
  | KubeconfigConnection;

/** Where to look; defaults as a client's. */
export interface DescribeKfpConnectionOptions {
  /** Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** The Service the kubeconfig step reaches, `namespace/name:port`. Default `kubeflow/ml-pipeline:http`. */
  kubeService?: string;
}

/**
 * Runs the zero-config chain as `createKfpV2Client()` without `baseUrl` does
 * and says which step was picked and why the earlier ones were not (what
 * `mlp whoami` shows). For the kubeconfig step it reads the kubeconfig (the
 * context, user and API server), but sends nothing. Fails as the client would:
 * `CONFIG_NO_BASE_URL` naming every step, or the kubeconfig's own error.
 */
export async function describeKfpConnection(
  options: DescribeKfpConnectionOptions = {},
): Promise<KfpConnection> {
  const env = options.env ?? processEnv();
  const step = kfpEndpointStep(env);
  if (step.source !== 'kubeconfig') return step;
  const route = kubeconfigRoute({
    env,
    kubeService: options.kubeService ?? DEFAULT_KUBE_SERVICE,
    skipped: step.skipped,
  });
  return route.auth.describe();
}
