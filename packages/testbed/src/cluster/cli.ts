#!/usr/bin/env node
/**
 * Runs the local cluster until Ctrl-C, for developing against the clients offline:
 *
 *   node packages/testbed/dist/cluster/cli.js --write-env .env.testbed
 *   node --env-file=.env.testbed your-script.js
 *
 * It prints the endpoints, never a credential: those go to the env file (mode 0600),
 * which it removes when it stops (Ctrl-C or SIGTERM), saying so.
 * The option is not called `--env-file`: Node 20 takes that one for itself
 * wherever it appears on the command line.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { removeEnvFile, writeEnvFile } from './env-file.js';
import { startLocalCluster } from './start-local-cluster.js';

const { values } = parseArgs({
  options: {
    'write-env': { type: 'string' },
    'token-rotation-ms': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  process.stdout.write(
    'Usage: ml-platform-testbed [--write-env <path>] [--token-rotation-ms <ms>]\n' +
      'Starts a local stand-in for a Kubeflow + Seldon Deploy cluster on 127.0.0.1 until Ctrl-C.\n' +
      '--write-env writes KF_PIPELINES_ENDPOINT, KF_PIPELINES_SA_TOKEN_PATH, OIDC_* ... (secrets included) for node --env-file.\n',
  );
  process.exit(0);
}

const rotation = values['token-rotation-ms'] === undefined ? undefined : Number(values['token-rotation-ms']);
// Relative to where the user typed the command, also when npm runs this from a workspace directory.
const envFile = values['write-env'] && resolve(process.env.INIT_CWD ?? process.cwd(), values['write-env']);
const starting = startLocalCluster({ tokenRotationMs: rotation });
/** Set before the env file is written, so a signal during the write still removes it. */
let envFileWritten = false;
let stopping = false;
// Registered before the cluster is up, so Ctrl-C or SIGTERM during start-up still stops what did start.
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  const said: string[] = [];
  void starting
    .then((cluster) => cluster.stop())
    .then(
      () => said.push('Local cluster stopped'),
      (error: unknown) => {
        process.stderr.write(`Stopping failed: ${String(error)}\n`);
        code = 1;
      },
    )
    // The env file holds the test credentials of the cluster: removed whether or not it stopped cleanly.
    .then(() => (envFile && envFileWritten ? removeEnvFile(envFile) : undefined))
    .then(
      () => {
        if (envFile && envFileWritten) said.push(`removed ${envFile}`);
      },
      (error: unknown) => {
        process.stderr.write(`Could not remove ${envFile}: ${String(error)}\n`);
        code = 1;
      },
    )
    .finally(() => {
      if (said.length > 0) process.stdout.write(`${said.join('; ')}.\n`);
      process.exit(code);
    });
};
process.once('SIGINT', () => stop(130));
process.once('SIGTERM', () => stop(143));
const cluster = await starting;

if (envFile) {
  envFileWritten = true;
  await writeEnvFile(envFile, cluster.env());
}
process.stdout.write(
  [
    'Local cluster ready (Ctrl-C stops it):',
    `  gateway (Istio + oauth2-proxy)  ${cluster.url}`,
    `  Dex                             ${cluster.dexUrl}`,
    `  KFP v1beta1 + v2beta1 baseUrl   ${cluster.kfpEndpoint}`,
    `  Seldon Deploy baseUrl           ${cluster.seldonDeployUrl}`,
    `  OpenID Provider issuer          ${cluster.oidcIssuer}`,
    `  projected SA token              ${cluster.serviceAccount.tokenPath}`,
    `  Kubernetes API server           ${cluster.kubernetes.apiServer.url}  (kubeconfig: ${cluster.kubernetes.kubeconfigPath})`,
    `  profile namespace               ${cluster.namespace}`,
    envFile
      ? `Credentials and endpoints are in ${envFile}: node --env-file=${envFile} <script>`
      : 'Pass --write-env <path> to get the credentials and endpoints as environment variables.',
    '',
  ].join('\n'),
);
