/**
 * runPipelinePackage, the kfp.Client `create_run_from_pipeline_package`
 * journey, with upstream's compiled pipelines: through Prism (which checks
 * every request and answer against the v2beta1 spec) to the test bed's KFP
 * emulator, which reads inline specs as the API server does.
 */
import { readFile } from 'node:fs/promises';
import { loadPipelinePackage } from '@ml-platform/kfp-pipeline-spec';
import {
  createKfpV2Client,
  type KfpV2Client,
  runPipelinePackage,
  staticTokenAuth,
  waitForRunCompletion,
} from '@ml-platform/kfp-v2';
import {
  type KfpEmulatorServer,
  type PrismProxy,
  startKfpEmulatorServer,
  startPrismProxy,
} from '@ml-platform/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { fixturePath, listFixtures, SAMPLE_VALUES } from './pipeline-fixtures.js';

const NAMESPACE = 'kubeflow-user-example-com';

let server: KfpEmulatorServer;
let prism: PrismProxy;
const violations: string[] = [];
const sent: string[] = [];

/** A client that reaches the emulator through Prism as the example user; records what it sends. */
function client(options: { namespace?: string } = {}): KfpV2Client {
  return createKfpV2Client({
    baseUrl: prism.url,
    auth: staticTokenAuth('prism-checks-that-a-token-is-present'),
    headers: { 'kubeflow-userid': 'user@example.com' },
    namespace: options.namespace ?? NAMESPACE,
    middleware: [
      {
        onRequest({ request }) {
          sent.push(`${request.method} ${new URL(request.url).pathname}`);
          return undefined;
        },
        onResponse({ request, response }) {
          const found = response.headers.get('sl-violations');
          if (found) violations.push(`${request.method} ${new URL(request.url).pathname}: ${found}`);
          return undefined;
        },
      },
    ],
  });
}

const runsOf = () => server.emulator.snapshot().runs;
const lastRun = () => runsOf().at(-1);

beforeAll(async () => {
  server = await startKfpEmulatorServer({ runTiming: { pendingMs: 50, runningMs: 100, cancelingMs: 50 } });
  prism = await startPrismProxy('kfp-v2beta1', server.url);
});
afterAll(async () => {
  await Promise.all([prism?.stop(), server?.stop()]);
});
afterEach(() => {
  vi.unstubAllEnvs();
  sent.length = 0;
  expect(violations, prism.output().slice(-2000)).toEqual([]);
});

describe('runPipelinePackage with every valid upstream fixture', () => {
  it.each(listFixtures('valid'))('runs %s inline, uploading nothing', async (name) => {
    const path = fixturePath('valid', name);
    const loaded = await loadPipelinePackage(path);
    const parameters = Object.fromEntries(
      loaded.parameters
        .filter((input) => !input.optional && input.defaultValue === undefined)
        .map((input) => [input.name, SAMPLE_VALUES[input.type]]),
    );
    const before = server.emulator.snapshot();

    const { run, experiment } = await runPipelinePackage(client(), {
      source: path,
      parameters,
      experimentName: 'fixtures',
    });

    expect(experiment).toMatchObject({ display_name: 'fixtures', namespace: NAMESPACE });
    expect(run).toMatchObject({ experiment_id: experiment.experiment_id, state: 'PENDING' });
    expect(run.display_name).toMatch(
      new RegExp(`^${loaded.pipelineName.replace(/[.]/g, '\\.')} \\d{4}-\\d{2}-\\d{2} \\d{2}-\\d{2}-\\d{2}$`),
    );
    const stored = lastRun();
    expect(stored?.runtime_config?.parameters ?? {}).toEqual(parameters);
    const expectedSpec = loaded.platformSpec
      ? { pipeline_spec: loaded.pipelineSpec, platform_spec: loaded.platformSpec }
      : loaded.pipelineSpec;
    expect(stored?.pipeline_spec).toEqual(expectedSpec);
    const after = server.emulator.snapshot();
    expect([after.pipelines, after.pipelineVersions]).toEqual([before.pipelines, before.pipelineVersions]);
    expect(sent.filter((request) => request.includes('/pipelines'))).toEqual([]);
  });

  it('sends a two-document YAML as { pipeline_spec, platform_spec }, as kfp.Client does', async () => {
    const path = fixturePath('valid', 'pipeline_with_secret_as_env.yaml');
    const [, platformDocument] = (await readFile(path, 'utf8')).split(/^---$/m);
    await runPipelinePackage(client(), { source: path, experimentName: 'fixtures' });
    const spec = lastRun()?.pipeline_spec as { pipeline_spec?: unknown; platform_spec?: unknown };
    expect(Object.keys(spec).sort()).toEqual(['pipeline_spec', 'platform_spec']);
    expect(spec.platform_spec).toEqual(parse(platformDocument ?? ''));
  });
});

describe('what is refused before anything is sent', () => {
  it.each(listFixtures('invalid'))('refuses %s with KFP_INVALID_PIPELINE_PACKAGE naming it', async (name) => {
    const path = fixturePath('invalid', name);
    const error = await runPipelinePackage(client(), { source: path }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'KFP_INVALID_PIPELINE_PACKAGE' });
    expect((error as Error).message).toContain(name);
    expect(sent).toEqual([]);
  });

  it('lists every parameter problem in one KFP_INVALID_PARAMETERS error, with the expected types', async () => {
    const error = await runPipelinePackage(client(), {
      source: fixturePath('valid', 'add_numbers.yaml'),
      parameters: { a: 'seven', not_declared: 1 },
    }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'KFP_INVALID_PARAMETERS' });
    const message = (error as Error).message;
    expect(message).toContain('"a" must be NUMBER_INTEGER (an integer), got a string');
    expect(message).toContain('"not_declared" is not a parameter of this pipeline (declared: a, b)');
    expect(message).toContain('"b" is required');
    expect(message).not.toContain('seven');
    expect(sent).toEqual([]);
  });

  it('refuses experimentId together with experimentName', async () => {
    const error = await runPipelinePackage(client(), {
      source: fixturePath('valid', 'add_numbers.yaml'),
      experimentId: 'e-1',
      experimentName: 'x',
    }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'KFP_EXPERIMENT_CHOICE_CONFLICT' });
    expect(sent).toEqual([]);
  });
});

describe('experiment, name, caching and the caller input', () => {
  const addNumbers = fixturePath('valid', 'add_numbers.yaml');
  const parameters = { a: 1, b: 2 };

  it('picks the experiment as kfp.Client does: override (with a warning), name, default variable, Default', async () => {
    const warnings: string[] = [];
    const onWarning = (message: string) => warnings.push(message);
    vi.stubEnv('KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME', '');
    vi.stubEnv('KF_PIPELINES_DEFAULT_EXPERIMENT_NAME', '');
    const plain = await runPipelinePackage(client(), { source: addNumbers, parameters, onWarning });
    expect(plain.experiment.display_name).toBe('Default');

    vi.stubEnv('KF_PIPELINES_DEFAULT_EXPERIMENT_NAME', 'team-default');
    const byDefault = await runPipelinePackage(client(), { source: addNumbers, parameters, onWarning });
    expect(byDefault.experiment.display_name).toBe('team-default');
    const named = await runPipelinePackage(client(), {
      source: addNumbers,
      parameters,
      experimentName: 'mine',
      onWarning,
    });
    expect(named.experiment.display_name).toBe('mine');
    expect(warnings).toEqual([]);

    vi.stubEnv('KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME', 'forced');
    const forced = await runPipelinePackage(client(), {
      source: addNumbers,
      parameters,
      experimentName: 'mine',
      onWarning,
    });
    expect(forced.experiment.display_name).toBe('forced');
    expect(warnings).toEqual([
      'Changing experiment name from "mine" to "forced" (KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME is set).',
    ]);

    const byId = await runPipelinePackage(client(), {
      source: addNumbers,
      parameters,
      experimentId: named.experiment.experiment_id,
    });
    expect(byId.experiment.experiment_id).toBe(named.experiment.experiment_id);
    expect(byId.run.experiment_id).toBe(named.experiment.experiment_id);
  });

  it('overrides caching of every task on a copy, never on the caller object', async () => {
    const parsed = parse(await readFile(fixturePath('valid', 'parameter_cache.yaml'), 'utf8')) as {
      root: { dag: { tasks: Record<string, { cachingOptions?: Record<string, unknown> }> } };
    };
    const untouched = structuredClone(parsed);
    const loaded = await loadPipelinePackage(parsed);
    const required = Object.fromEntries(
      loaded.parameters
        .filter((input) => !input.optional && input.defaultValue === undefined)
        .map((input) => [input.name, SAMPLE_VALUES[input.type]]),
    );
    await runPipelinePackage(client(), {
      source: parsed,
      parameters: required,
      enableCaching: false,
      cacheKey: 'k-1',
      displayName: 'no cache',
      description: 'caching off',
      serviceAccount: 'pipeline-runner',
      pipelineRoot: 'minio://mlpipeline/custom',
    });
    const stored = lastRun();
    const tasks = (stored?.pipeline_spec as typeof parsed | undefined)?.root.dag.tasks ?? {};
    expect(Object.keys(tasks).length).toBeGreaterThan(0);
    for (const task of Object.values(tasks)) {
      expect(task.cachingOptions).toMatchObject({ enableCache: false, cacheKey: 'k-1' });
    }
    expect(stored).toMatchObject({
      display_name: 'no cache',
      description: 'caching off',
      service_account: 'pipeline-runner',
      runtime_config: { pipeline_root: 'minio://mlpipeline/custom' },
    });
    expect(parsed).toEqual(untouched);
  });

  it('takes { text } and a File as well as a path, and the run finishes in the emulator', async () => {
    const text = await readFile(addNumbers, 'utf8');
    const fromText = await runPipelinePackage(client(), { source: { text }, parameters });
    const fromFile = await runPipelinePackage(client(), {
      source: new File([text], 'add_numbers.yaml'),
      parameters,
    });
    expect(fromText.run.display_name).toMatch(/^add-numbers /);
    const done = await waitForRunCompletion(client(), fromFile.run.run_id!, {
      pollIntervalMs: 25,
      timeoutMs: 5_000,
    });
    expect(done.state).toBe('SUCCEEDED');
  });
});
