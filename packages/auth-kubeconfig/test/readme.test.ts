// The README's examples: every ```ts block type-checks as a user's file would, and the first one runs
// against the test API server with KUBECONFIG pointing at it (the others name contexts and files of a
// real cluster, so they are type-checked only).
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  readmeExamples,
  removeExamples,
  typeCheckExamples,
  writeExamples,
} from '@ml-platform/testbed/readme-examples/index';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ScratchDir } from './support/scratch-dir.js';
import { startTestCluster, type TestCluster } from './support/test-cluster.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const examplesDir = join(packageDir, 'test', `.readme-examples-${process.pid}`);
const examples = readmeExamples(join(packageDir, 'README.md'));
let cluster: TestCluster;
let scratch: ScratchDir;

beforeAll(async () => {
  cluster = await startTestCluster({ tokens: { 'readme-token-0123456789': 'readme-user' } });
  scratch = new ScratchDir();
  const kubeconfig = scratch.kubeconfig('config', {
    'current-context': 'readme',
    clusters: [
      {
        name: 'readme',
        cluster: {
          server: cluster.api.url,
          'certificate-authority-data': Buffer.from(cluster.certificates.ca).toString('base64'),
        },
      },
    ],
    users: [{ name: 'readme', user: { token: 'readme-token-0123456789' } }],
    contexts: [{ name: 'readme', context: { cluster: 'readme', user: 'readme' } }],
  });
  vi.stubEnv('KUBECONFIG', kubeconfig);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await writeExamples(examples, examplesDir);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await removeExamples(examplesDir);
  await cluster?.stop();
  scratch?.remove();
});

describe('README examples', () => {
  it('has examples, and every one type-checks', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(examples.filter((example) => example.runnable)).toHaveLength(1);
    expect(typeCheckExamples(examples, join(packageDir, '..', '..'))).toEqual([]);
  });

  it('runs the first one through the API server', async () => {
    const first = examples.find((example) => example.runnable)!;
    const before = cluster.api.requests.length;
    await import(pathToFileURL(first.file).href);
    const proxied = cluster.api.requests.slice(before);
    expect(proxied).toEqual([
      expect.objectContaining({
        path: '/api/v1/namespaces/kubeflow/services/ml-pipeline:http/proxy/apis/v2beta1/experiments',
        user: 'readme-user',
        status: 200,
      }),
    ]);
    expect(console.log).toHaveBeenCalledWith(0, 'experiments');
  });
});
