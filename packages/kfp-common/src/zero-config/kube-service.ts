import { invalidOption } from '@ml-platform/core';

/** The Service the kubeconfig step reaches through the API server's proxy, as kfp.Client does outside a cluster. */
export const DEFAULT_KUBE_SERVICE = 'kubeflow/ml-pipeline:http';

/** A Service as `namespace/name:port`, split. */
export interface KubeService {
  readonly namespace: string;
  readonly service: string;
  /** The port's name (`http`) or number (`8888`). */
  readonly port: string;
}

const KUBE_SERVICE = /^([a-z0-9][-a-z0-9]*)\/([a-z0-9][-a-z0-9]*):([a-z0-9][-a-z0-9]*)$/;

/**
 * Reads `namespace/name:port` (the CLI's `--kube-service`, the `kubeService`
 * option), e.g. `kubeflow/ml-pipeline:http`. auth-kubeconfig checks each
 * part further when the proxy URL is built.
 */
export function parseKubeService(value: string): KubeService {
  const match = typeof value === 'string' ? KUBE_SERVICE.exec(value) : null;
  if (!match) {
    throw invalidOption(
      `kubeService must be namespace/name:port, e.g. '${DEFAULT_KUBE_SERVICE}', got ${
        typeof value === 'string' ? `'${value}'` : typeof value
      }.`,
    );
  }
  return { namespace: match[1] as string, service: match[2] as string, port: match[3] as string };
}
