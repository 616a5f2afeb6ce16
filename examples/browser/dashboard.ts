/**
 * A dashboard page that calls Kubeflow Pipelines and Seldon Deploy straight
 * from the browser (a central-dashboard extension, a Backstage plugin, an
 * internal portal), with a token the page already has. The same packages as on
 * Node.js; a bundler picks their `browser` builds, which leave out undici and
 * every `node:` module.
 *
 * `examples/test/browser.test.ts` bundles this file with esbuild, serves it on
 * 127.0.0.1 and opens it in Chromium against the test bed's mocks.
 */
import { staticTokenAuth, unwrap } from '@ml-platform/core';
import { createKfpV1Client } from '@ml-platform/kfp-v1';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createSeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';

/** What the page found, shown on the page and read by the test. */
export interface DashboardSummary {
  kfpV2Experiments: number;
  kfpV1Healthz: boolean;
  seldonDeployments: number;
  /** The stable `code` of the error a request without a token got. */
  unauthenticatedCode: string | undefined;
}

export async function loadDashboard(settings: {
  kfpV1Url: string;
  kfpV2Url: string;
  seldonUrl: string;
  token: string;
}): Promise<DashboardSummary> {
  const auth = staticTokenAuth(settings.token);
  const kfpV2 = createKfpV2Client({ baseUrl: settings.kfpV2Url, auth });
  const kfpV1 = createKfpV1Client({ baseUrl: settings.kfpV1Url, auth });
  const seldon = createSeldonDeployClient({ baseUrl: settings.seldonUrl, auth });

  const [experiments, healthz, deployments] = await Promise.all([
    kfpV2.GET('/apis/v2beta1/experiments', { params: { query: { namespace: 'team-a' } } }).then(unwrap),
    kfpV1.GET('/apis/v1beta1/healthz').then(unwrap),
    seldon
      .GET('/namespaces/{namespace}/seldondeployments', { params: { path: { namespace: 'prod' } } })
      .then(unwrap),
  ]);
  const anonymous = createKfpV2Client({ baseUrl: settings.kfpV2Url });
  const refused = await anonymous.GET('/apis/v2beta1/experiments').then(unwrap, (error: unknown) => error);
  return {
    kfpV2Experiments: experiments.experiments?.length ?? 0,
    kfpV1Healthz: typeof healthz.multi_user === 'boolean',
    seldonDeployments: Array.isArray(deployments.items) ? deployments.items.length : 0,
    unauthenticatedCode: (refused as { code?: string } | undefined)?.code,
  };
}
