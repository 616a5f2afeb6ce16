// The README's examples against the test bed's local cluster: the gateway
// (Kubeflow's auth), the multi-user KFP emulator, Prism for what it keeps no
// state of. The Prism-checked fakes of describe-readme-examples.ts accept a
// request the spec allows; a multi-user server also refuses what it cannot
// serve (a run without an experiment: `400 Run experiment ID is empty`; a
// namespace the caller has no access to). The blocks call the real global
// fetch; requests to the READMEs' example origin go to the cluster instead.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalCluster, startLocalCluster } from '../cluster/start-local-cluster.js';
import { readmeExamples, removeExamples, writeExamples } from './readme-examples.js';

/** The origin the READMEs write for a Kubeflow deployment. */
export const README_KUBEFLOW_ORIGIN = 'https://kubeflow.example.com';

export interface ClusterReadmeSuite {
  /** The package directory (or the repository root, for the root README), holding README.md. */
  packageDir: string;
  /** The README, when not `<packageDir>/README.md`. */
  readme?: string;
  /** Fewest examples that must run on the cluster, so a lost fence does not pass unnoticed. */
  minimumRunnable: number;
  /** Profile namespaces the examples work in, granted to the cluster's users (e.g. `team-a`). */
  namespaces: readonly string[];
  /**
   * Runs only the runnable blocks that talk to Kubeflow: those naming the origin above or
   * creating a KFP client (which finds the cluster through its environment); others are for other tests.
   */
  onlyKubeflowBlocks?: boolean;
  /** Files the examples read (a compiled pipeline), in a temporary directory that is also their HOME. */
  workingDirectory?: { prefix: string; files: Record<string, string> };
}

/** Declares one test per runnable block, in README order (later blocks build on what earlier ones created). */
export function describeReadmeExamplesOnCluster(suite: ClusterReadmeSuite): void {
  const readme = suite.readme ?? join(suite.packageDir, 'README.md');
  const examplesDir = join(suite.packageDir, 'test', `.readme-cluster-examples-${process.pid}`);
  const examples = readmeExamples(readme).filter(
    (example) => example.runnable && (!suite.onlyKubeflowBlocks || talksToKubeflow(example.code)),
  );
  const originalCwd = process.cwd();
  const realFetch = globalThis.fetch;
  let cluster: LocalCluster | undefined;
  let sandbox: string | undefined;

  beforeAll(async () => {
    cluster = await startLocalCluster({ mocks: 'lazy', profileNamespaces: suite.namespaces });
    const gateway = cluster.url;
    if (suite.workingDirectory) {
      sandbox = await mkdtemp(join(tmpdir(), suite.workingDirectory.prefix));
      for (const [name, content] of Object.entries(suite.workingDirectory.files)) {
        await writeFile(join(sandbox, name), content);
      }
      process.chdir(sandbox);
      vi.stubEnv('HOME', sandbox);
    }
    for (const [name, value] of Object.entries(cluster.env())) vi.stubEnv(name, value);
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      realFetch(...toCluster(gateway, input, init)),
    );
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await writeExamples(examples, examplesDir);
  }, 180_000);

  afterAll(async () => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    process.chdir(originalCwd);
    await removeExamples(examplesDir);
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
    await cluster?.stop();
  });

  describe('README examples on a multi-user Kubeflow (the test bed cluster)', () => {
    it(`has at least ${suite.minimumRunnable} examples that run on it`, () => {
      expect(examples.length).toBeGreaterThanOrEqual(suite.minimumRunnable);
    });

    for (const example of examples) {
      it(`runs the example at README.md:${example.line}`, async () => {
        await import(pathToFileURL(example.file).href);
      }, 60_000);
    }
  });
}

/** Whether a block sends requests to Kubeflow (and so can run on the test bed's cluster). */
export function talksToKubeflow(code: string): boolean {
  return code.includes(README_KUBEFLOW_ORIGIN) || /\bcreateKfpV[12]Client\(/.test(code);
}

/** The same request, sent to the cluster's gateway when it was addressed to the READMEs' origin. */
function toCluster(
  gateway: string,
  input: RequestInfo | URL,
  init?: RequestInit,
): [RequestInfo | URL, RequestInit?] {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.origin !== README_KUBEFLOW_ORIGIN) return [input, init];
  const target = new URL(`${url.pathname}${url.search}`, gateway);
  if (!(input instanceof Request)) return [target, init];
  // A Request's body is a stream: fetch needs `duplex` to send one.
  return [new Request(target, input), init];
}
