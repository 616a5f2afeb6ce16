import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalCluster, startLocalCluster } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp, startMlp } from './mlp-process.js';

let cluster: LocalCluster;
let home: ReturnType<typeof isolatedHome>;

// Seldon Deploy checks its OpenID Provider's tokens itself: log in once with the device code flow.
// Only Seldon's Prism is started (on the first request, here in the hook), so no test pays for it.
beforeAll(async () => {
  cluster = await startLocalCluster({ mocks: 'lazy' });
  home = isolatedHome();
  const profile = await runMlp(
    [
      'config',
      'set-profile',
      'seldon',
      '--seldon-endpoint',
      cluster.seldonDeployUrl,
      '--namespace',
      'seldon',
      '--auth',
      'oidc',
      '--issuer',
      cluster.oidcIssuer,
      '--client-id',
      cluster.oidc.clients.kubeflowSdk.clientId,
    ],
    home.env,
  );
  expect(profile.code).toBe(0);
  const login = startMlp(['login'], home.env);
  const [, userCode = ''] = await login.stderrMatching(/enter the code (\S+)/);
  await cluster.oidc.approveDevice(userCode);
  expect((await login.result).code).toBe(0);
  await runMlp(['seldon', 'deployment', 'list'], home.env);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  home?.remove();
});

describe('mlp seldon deployment', { timeout: 90_000 }, () => {
  it('lists and gets deployments as JSON', async () => {
    const listed = await runMlp(['seldon', 'deployment', 'list', '-o', 'json'], home.env);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(Array.isArray(JSON.parse(listed.stdout))).toBe(true);
    const got = await runMlp(['seldon', 'deployment', 'get', 'iris', '-o', 'json'], home.env);
    expect(got.code).toBe(0);
    expect(JSON.parse(got.stdout)).toHaveProperty('metadata');
  });

  it('validates a manifest without creating it: a GET with the manifest as its body, checked by the mock', async () => {
    const manifest = join(home.dir, 'iris-to-validate.yaml');
    writeFileSync(
      manifest,
      `apiVersion: machinelearning.seldon.io/v1
kind: SeldonDeployment
metadata:
  name: iris
  namespace: seldon
spec:
  predictors:
    - name: default
      graph:
        name: classifier
        implementation: SKLEARN_SERVER
`,
    );
    const validated = await runMlp(['seldon', 'validate', '-f', manifest, '-o', 'json'], home.env);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
    // The mock answers the spec's Message example once the request (method, path, body) passed its checks.
    expect(Object.keys(JSON.parse(validated.stdout)).sort()).toEqual(['code', 'message']);
  });

  it('creates a deployment from a YAML manifest (the mock validates it against the spec) and deletes it', async () => {
    const manifest = join(home.dir, 'iris.yaml');
    writeFileSync(
      manifest,
      `apiVersion: machinelearning.seldon.io/v1
kind: SeldonDeployment
metadata:
  name: iris
  namespace: seldon
spec:
  predictors:
    - name: default
      replicas: 1
      graph:
        name: classifier
        implementation: SKLEARN_SERVER
        modelUri: gs://seldon-models/v1.19.0/sklearn/iris
`,
    );
    const created = await runMlp(['seldon', 'deployment', 'create', '-f', manifest], home.env);
    expect(created.stderr).toMatch(/SeldonDeployment \S* ?created\./);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^NAME {3,}NAMESPACE {3,}STATE/);
    const deleted = await runMlp(['seldon', 'deployment', 'delete', 'iris', '--yes'], home.env);
    expect(deleted.code).toBe(0);
    expect(deleted.stderr).toContain('SeldonDeployment seldon/iris deleted.');
  });

  it('sends a prediction from stdin and prints the answer as JSON', async () => {
    const answer = await runMlp(
      ['seldon', 'deployment', 'predict', 'iris'],
      home.env,
      '{"data":{"ndarray":[[5.1,3.5,1.4,0.2]]}}',
    );
    expect(answer.code).toBe(0);
    expect(() => JSON.parse(answer.stdout)).not.toThrow();
  });

  it('exits 2 for a prediction that is not JSON, before sending it', async () => {
    const answer = await runMlp(['seldon', 'deployment', 'predict', 'iris', '-d', '{not json'], home.env);
    expect(answer.code).toBe(2);
    expect(answer.stderr).toMatch(/^mlp: CLI_USAGE: The request must be JSON/m);
  });

  it('exits 2 naming the settings when no Seldon endpoint is known', async () => {
    const empty = isolatedHome();
    const result = await runMlp(['seldon', 'deployment', 'list'], empty.env);
    empty.remove();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mlp: CONFIG_NO_BASE_URL: No Seldon Deploy endpoint/m);
  });
});
