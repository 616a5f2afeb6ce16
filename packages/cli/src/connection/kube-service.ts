import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

/** Where KFP's API listens in a standard install: what kfp.Client(kube_context=...) proxies to. */
export const DEFAULT_KUBE_SERVICE = 'kubeflow/ml-pipeline:http';

/** `--kube-service namespace/name:port` as the parts kubeServiceProxy takes. */
export function kubeServiceOf(value = DEFAULT_KUBE_SERVICE): {
  namespace: string;
  service: string;
  port: string | number;
} {
  const match = /^([^/:]+)\/([^/:]+):([^/:]+)$/.exec(value);
  if (!match) {
    throw new CliError(
      CliErrorCode.usage,
      `--kube-service takes namespace/name:port, e.g. ${DEFAULT_KUBE_SERVICE}; got "${value}".`,
      ExitCode.usage,
    );
  }
  const [, namespace = '', service = '', port = ''] = match;
  return { namespace, service, port: /^\d+$/.test(port) ? Number(port) : port };
}
