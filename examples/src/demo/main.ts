/**
 * npm run demo [-- your-script.js ...]
 *
 * Starts the local test bed (a stand-in for a Kubeflow + Seldon Deploy
 * cluster on 127.0.0.1), shows the gateway refusing requests without valid
 * credentials, runs each example against it as a user would run it (its own
 * node process, configured by environment variables), says what each step
 * did, and stops everything: at the end, on a failure, on Ctrl-C. With
 * script paths it runs those instead of the examples, with the same
 * environment, so you can try your own code offline. `--runtime=bun` or
 * `--runtime=deno` runs the scripts with that runtime instead of Node.js.
 */
import { isAbsolute, resolve } from 'node:path';
import { type LocalCluster, startLocalCluster } from '@ml-platform/testbed';
import { ConsoleOutput, seconds } from './console-output.js';
import { type DemoScript, EXAMPLES } from './examples.js';
import { summarizeGateway } from './gateway-summary.js';
import { summarizeKubeApiServer } from './kube-api-summary.js';
import { showRefusals } from './refusals.js';
import { runScript } from './run-script.js';
import { readScriptRuntime } from './script-runtime.js';
import { Teardown } from './teardown.js';

/** Environment variables whose values are credentials: used, never shown. */
const SECRET_VARIABLES = ['KFP_TOKEN', 'KUBEFLOW_PASSWORD', 'OIDC_CLIENT_SECRET', 'OIDC_PASSWORD'];
const SCRIPT_TIMEOUT_MS = 60_000;
/** Shorter than a cluster's so the demo shows rotation and a run finishing within seconds. */
const TOKEN_ROTATION_MS = 1000;
const RUN_TIMING = { pendingMs: 500, runningMs: 1500 };

const out = new ConsoleOutput();
const started = performance.now();
const teardown = new Teardown((code, errors) => {
  for (const error of errors) out.error(`Stopping failed: ${String(error)}`);
  if (errors.length === 0)
    out.line(`Test bed stopped after ${seconds(performance.now() - started)}; nothing is left running.`);
  if (code !== 0)
    out.error(`Demo ${code === 130 || code === 143 ? 'interrupted' : 'failed'} (exit code ${code}).`);
});
teardown.handleSignals((name) => out.line(`\n${name}: stopping the test bed...`));

const { runtime, scripts: scriptPaths } = readScriptRuntime(process.argv.slice(2));
const userScripts = scriptPaths.map((path): DemoScript => {
  const file = isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
  return { title: `Your script ${path}`, file, shownAs: path };
});

try {
  out.line(
    `ml-platform demo: every client and auth plugin against a local stand-in for a cluster${runtime.name === 'node' ? '' : `, scripts run with ${runtime.name}`}`,
  );
  const cluster = await startTestBed();
  const ownScripts = userScripts.length > 0;
  // Your own scripts run alone; the examples follow a first step that shows the gateway refusing requests.
  const refusedAll = ownScripts || (await refusalStep(cluster));
  const scripts = ownScripts ? userScripts : EXAMPLES;
  const firstStep = ownScripts ? 1 : 2;
  const steps = scripts.length + firstStep - 1;
  let failures = refusedAll ? 0 : 1;
  for (const [index, script] of scripts.entries()) {
    if (teardown.signal.aborted) break;
    if (!(await scriptStep(cluster, script, `${index + firstStep}/${steps}`))) failures += 1;
  }
  out.line();
  out.line(
    failures === 0
      ? `✓ All ${scripts.length} ${ownScripts ? 'scripts' : 'examples'} ran against the test bed in ${seconds(performance.now() - started)}.`
      : `✗ ${failures} step(s) failed.`,
  );
  await teardown.finish(failures === 0 ? 0 : 1);
} catch (error) {
  if (!teardown.signal.aborted)
    out.error(`The demo stopped: ${error instanceof Error ? error.message : String(error)}`);
  await teardown.finish(1);
}

async function startTestBed(): Promise<LocalCluster> {
  out.heading('Starting the test bed on 127.0.0.1 (everything in parallel)');
  const starting = startLocalCluster({ tokenRotationMs: TOKEN_ROTATION_MS, runTiming: RUN_TIMING });
  // Registered before it is ready, so Ctrl-C during start-up still stops what did start.
  teardown.add(async () => (await starting.catch(() => undefined))?.stop());
  const cluster = await starting;
  const env = cluster.env();
  out.addSecrets(SECRET_VARIABLES.map((name) => env[name]));
  const rows = [
    ['gateway (Istio + oauth2-proxy + Dex)', `${cluster.url}  (Dex at /dex)`],
    ['KFP v2beta1 (stateful emulator)', `${cluster.kfpEndpoint}/apis/v2beta1`],
    ['KFP v1beta1 (Prism mock)', `${cluster.kfpEndpoint}/apis/v1beta1`],
    ['Seldon Deploy v1alpha1 (Prism mock)', cluster.seldonDeployUrl],
    ['OpenID Provider (oidc-provider)', cluster.oidcIssuer],
    [
      'projected ServiceAccount token',
      `${cluster.serviceAccount.tokenPath}  (rotates every ${seconds(TOKEN_ROTATION_MS)})`,
    ],
    ['Kubernetes API server (service proxy)', `${cluster.kubernetes.apiServer.url}  (KUBECONFIG set for it)`],
  ];
  for (const [what, where] of rows) out.scriptLine(`${what?.padEnd(38)} ${where}`);
  out.line(`  ready in ${seconds(performance.now() - started)}`);
  return cluster;
}

async function refusalStep(cluster: LocalCluster): Promise<boolean> {
  out.heading(`1/${EXAMPLES.length + 1} The gateway refuses requests without valid credentials`);
  const ok = await showRefusals(cluster, out);
  out.line(
    ok ? '  ✓ each refused as Kubeflow would refuse it' : '  ✗ a request that should be refused was not',
  );
  return ok;
}

async function scriptStep(cluster: LocalCluster, script: DemoScript, position: string): Promise<boolean> {
  out.heading(`${position} ${script.title}`);
  out.line(`  (${script.shownAs}${script.note ? `; ${script.note}` : ''})`);
  const mark = cluster.gateway.log.entries.length;
  const kubeMark = cluster.kubernetes.apiServer.requests.length;
  const result = await runScript(script.file, cluster.env(), {
    signal: teardown.signal,
    timeoutMs: SCRIPT_TIMEOUT_MS,
    runtime,
    onLine: (line) => out.scriptLine(line),
  });
  const summary =
    script.via === 'kubernetes-api-server'
      ? summarizeKubeApiServer(cluster.kubernetes.apiServer.requests.slice(kubeMark))
      : summarizeGateway(cluster.gateway.log.since(mark));
  if (result.code === 0) {
    out.line(`  ✓ ${seconds(result.durationMs)} · ${summary}`);
    return true;
  }
  const why = result.code === undefined ? 'was stopped' : `exited with code ${result.code}`;
  out.line(`  ✗ ${script.shownAs} ${why} after ${seconds(result.durationMs)} · ${summary}`);
  return false;
}
