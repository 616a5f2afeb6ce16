import { fileURLToPath } from 'node:url';

export interface DemoScript {
  title: string;
  /** Said before the script runs, when what answers it needs explaining. */
  note?: string;
  /** Which part of the test bed the script talks to, for the summary after it. Default: the gateway. */
  via?: 'gateway' | 'kubernetes-api-server';
  /** The compiled script to run. */
  file: string;
  /** What to show the reader: the source they would copy. */
  shownAs: string;
}

const PRISM_NOTE =
  "answered by Prism: it validates the request against the spec and replies with the spec's example values";

const example = (name: string, title: string, note?: string, via?: DemoScript['via']): DemoScript => ({
  title,
  note,
  via,
  file: fileURLToPath(new URL(`../${name}.js`, import.meta.url)),
  shownAs: `examples/src/${name}.ts`,
});

/** The examples, in an order where each can build on the state the previous ones left. */
export const EXAMPLES: readonly DemoScript[] = [
  example(
    'kfp-v1-static-token',
    'KFP v1beta1 with a token from `kubectl create token` (staticTokenAuth)',
    PRISM_NOTE,
  ),
  example(
    'kfp-v2-service-account',
    'KFP v2beta1 from a pod: upload a pipeline, run it, wait for it (serviceAccountTokenAuth)',
  ),
  example(
    'kfp-v2-run-insight',
    "Inside a failed run: its tasks, the failed task's log, its metrics (getRunTasks, readTaskLogs, getRunMetrics)",
    "the log from the KFP UI server's /k8s/pod/logs, the metrics from ML Metadata over gRPC-Web, both behind the gateway",
  ),
  example(
    'kfp-v2-dex-session',
    'KFP v2beta1 as a person logged in through Dex: experiments and runs (dexSessionAuth)',
  ),
  example(
    'seldon-deploy-oidc',
    'Seldon Deploy with an OIDC ID token from the password grant (oidcAuth)',
    PRISM_NOTE,
  ),
  example(
    'kfp-v2-kubeconfig',
    "KFP v2beta1 with only kubectl access: the API server's service proxy (kubeServiceProxy)",
    'a standalone, single-user KFP behind the Kubernetes API server; the kubeconfig holds a client certificate',
    'kubernetes-api-server',
  ),
];
