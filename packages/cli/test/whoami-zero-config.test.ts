// `mlp whoami` with nothing configured says which step of the library's
// zero-config chain a command would use (kfp.Client 2.17's order), as
// `describeKfpConnection` tells it, instead of a copy of the chain in the CLI.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp } from './mlp-process.js';

const homes: ReturnType<typeof isolatedHome>[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) home.remove();
});

function homeWithKubeconfig(): ReturnType<typeof isolatedHome> {
  const home = isolatedHome();
  homes.push(home);
  mkdirSync(join(home.dir, '.kube'));
  // Read, never contacted: whoami sends nothing.
  writeFileSync(
    join(home.dir, '.kube', 'config'),
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: dev',
      'clusters: [{ name: lab, cluster: { server: "https://127.0.0.1:1" } }]',
      'users: [{ name: dev-user, user: { token: not-a-real-token } }]',
      'contexts: [{ name: dev, context: { cluster: lab, user: dev-user } }]',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return home;
}

describe('mlp whoami without an endpoint', () => {
  it('names the kubeconfig context, user and Service the chain falls through to', async () => {
    const home = homeWithKubeconfig();
    const result = await runMlp(['whoami', '-o', 'json'], home.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).endpoint).toBe(
      'https://127.0.0.1:1/api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy ' +
        '(kubeconfig context dev, user dev-user, service kubeflow/ml-pipeline:http)',
    );
    expect(result.stdout).not.toContain('not-a-real-token');
  });

  it('prefers KF_PIPELINES_ENDPOINT over the kubeconfig, as kfp.Client does', async () => {
    const home = homeWithKubeconfig();
    const result = await runMlp(['whoami', '-o', 'json'], {
      ...home.env,
      KF_PIPELINES_ENDPOINT: 'https://kubeflow.example.com/pipeline',
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).endpoint).toBe(
      'https://kubeflow.example.com/pipeline (KF_PIPELINES_ENDPOINT)',
    );
  });

  it('says what to set when there is no kubeconfig either', async () => {
    const home = isolatedHome();
    homes.push(home);
    const result = await runMlp(['whoami', '-o', 'json'], home.env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).endpoint).toMatch(/^none \(pass --endpoint, .* or use a kubeconfig\)$/);
  });
});
