import { createServiceAccountIssuer, KFP_TOKEN_AUDIENCE, type LocalCluster } from '@ml-platform/testbed';
import type { ConsoleOutput } from './console-output.js';

/**
 * Shows the gateway enforcing auth before any example runs: no credentials,
 * a token signed by a key the cluster does not trust, and a valid token on an
 * API whose policy does not accept it. Returns whether each was refused.
 */
export async function showRefusals(cluster: LocalCluster, out: ConsoleOutput): Promise<boolean> {
  const forged = createServiceAccountIssuer().createToken({
    serviceAccount: { namespace: cluster.namespace, name: 'default-editor' },
    audiences: [KFP_TOKEN_AUDIENCE],
  });
  const probes = [
    {
      what: 'KFP, no credentials',
      url: `${cluster.kfpEndpoint}/apis/v2beta1/healthz`,
      token: undefined,
      expected: 401,
    },
    {
      what: 'KFP, token signed by an unknown key',
      url: `${cluster.kfpEndpoint}/apis/v2beta1/healthz`,
      token: forged,
      expected: 401,
    },
    {
      what: 'Seldon Deploy, ServiceAccount token',
      url: `${cluster.seldonDeployUrl}/namespaces/seldon/seldondeployments`,
      token: cluster.serviceAccount.createToken(),
      expected: 403,
    },
  ];
  let allRefused = true;
  for (const probe of probes) {
    const response = await fetch(probe.url, {
      headers: probe.token ? { authorization: `Bearer ${probe.token}` } : {},
    });
    const reason = (await response.text()).trim() || 'no body';
    allRefused &&= response.status === probe.expected;
    out.scriptLine(
      `${probe.what.padEnd(40)} -> ${response.status} ${reason === '{}' ? '(oauth2-proxy: no session)' : `(${reason})`}`,
    );
  }
  return allRefused;
}
