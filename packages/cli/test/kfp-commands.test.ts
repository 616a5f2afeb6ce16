import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalCluster, startLocalCluster } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isolatedHome, runMlp } from './mlp-process.js';
import { writePipeline } from './pipelines.js';

let cluster: LocalCluster;
let home: ReturnType<typeof isolatedHome>;
/** What a pod with a projected KFP token sees: the endpoint and token path variables, kfp's context.json. */
let podEnv: Record<string, string>;

beforeAll(async () => {
  cluster = await startLocalCluster({ mocks: 'lazy', runTiming: { pendingMs: 200, runningMs: 1200 } });
  home = isolatedHome();
  const { KF_PIPELINES_ENDPOINT, KF_PIPELINES_SA_TOKEN_PATH } = cluster.env();
  podEnv = {
    ...home.env,
    KF_PIPELINES_ENDPOINT: KF_PIPELINES_ENDPOINT!,
    KF_PIPELINES_SA_TOKEN_PATH: KF_PIPELINES_SA_TOKEN_PATH!,
  };
  mkdirSync(join(home.dir, '.config', 'kfp'), { recursive: true });
  writeFileSync(
    join(home.dir, '.config', 'kfp', 'context.json'),
    JSON.stringify({ namespace: cluster.namespace }),
  );
});

afterAll(async () => {
  await cluster?.stop();
  home?.remove();
});

const json = (text: string) => JSON.parse(text) as Record<string, unknown> & Array<Record<string, unknown>>;

describe('mlp kfp with only the environment a pod has', { timeout: 90_000 }, () => {
  it('creates a run from a package, watches it to SUCCEEDED and exits 0, JSON only on stdout', async () => {
    const pipeline = writePipeline(home.dir, 'adder');
    const result = await runMlp(
      [
        'kfp',
        'run',
        'create',
        '-f',
        pipeline,
        '-e',
        'cli-tests',
        '-r',
        'add once',
        '-w',
        '--output',
        'json',
        'a=1',
        'b=2',
      ],
      podEnv,
    );
    expect(result.stderr).toMatch(/Run add once \(.+\) SUCCEEDED in/);
    expect(result.code).toBe(0);
    const run = json(result.stdout);
    expect(run).toMatchObject({ display_name: 'add once', state: 'SUCCEEDED' });
    expect(run.runtime_config).toMatchObject({ parameters: { a: expect.anything(), b: expect.anything() } });
    // Not a TTY: plain progress lines, no cursor movement.
    expect(result.stderr).not.toContain('\u001b[');
    // The run's last state once, then the summary (its task lines have states of their own).
    expect(result.stderr.match(/^run add once {2}SUCCEEDED/gm)).toHaveLength(1);
    expect(result.stderr.match(/^Run add once .*SUCCEEDED/gm)).toHaveLength(1);
    expect(result.stderr).toMatch(/run add once {2}RUNNING/);

    const listed = await runMlp(['kfp', 'run', 'list', '-o', 'json'], podEnv);
    expect(listed.code).toBe(0);
    expect(json(listed.stdout).map((item) => item.run_id)).toContain(run.run_id);
  });

  it('whoami names the ServiceAccount the client signs with when no auth is configured', async () => {
    const result = await runMlp(['whoami', '-o', 'json'], podEnv);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      auth: 'in-pod (ServiceAccount token)',
      user: cluster.serviceAccount.user,
    });
  });

  it('prints a table by default and YAML when asked', async () => {
    const created = await runMlp(
      ['kfp', 'experiment', 'create', 'tabled', '-d', 'for the table test'],
      podEnv,
    );
    expect(created.code).toBe(0);
    // kubectl's table: upper-case headings, columns three spaces apart, no box.
    expect(created.stdout).toMatch(/^EXPERIMENT ID {3,}NAME {3,}CREATED AT {3,}STORAGE STATE\n/);
    expect(created.stdout).not.toMatch(/[│┌─]/);
    expect(created.stdout).toContain('tabled');

    const listed = await runMlp(['kfp', 'experiment', 'list', '--output', 'yaml'], podEnv);
    expect(listed.code).toBe(0);
    const experiments = parse(listed.stdout) as Array<{ display_name: string; namespace: string }>;
    expect(experiments).toContainEqual(
      expect.objectContaining({ display_name: 'tabled', namespace: cluster.namespace }),
    );
  });

  it('archives, unarchives and deletes an experiment by name and by id', async () => {
    const created = json(
      (await runMlp(['kfp', 'experiment', 'create', 'short-lived', '-o', 'json'], podEnv)).stdout,
    );
    const archived = await runMlp(
      ['kfp', 'experiment', 'archive', '--experiment-name', 'short-lived'],
      podEnv,
    );
    expect(archived.code).toBe(0);
    expect(archived.stderr).toContain(`Experiment ${created.experiment_id} archived.`);
    const got = json(
      (await runMlp(['kfp', 'experiment', 'get', String(created.experiment_id), '-o', 'json'], podEnv))
        .stdout,
    );
    expect(got.storage_state).toBe('ARCHIVED');
    expect(
      (await runMlp(['kfp', 'experiment', 'unarchive', String(created.experiment_id)], podEnv)).code,
    ).toBe(0);
    const unconfirmed = await runMlp(['kfp', 'experiment', 'delete', String(created.experiment_id)], podEnv);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/^mlp: CLI_USAGE: Delete experiment .* Pass --yes \(-y\) to confirm/m);
    expect(
      (await runMlp(['kfp', 'experiment', 'delete', String(created.experiment_id), '-y'], podEnv)).code,
    ).toBe(0);
    const gone = await runMlp(['kfp', 'experiment', 'get', String(created.experiment_id)], podEnv);
    expect(gone.code).toBe(6);
    expect(gone.stderr).toMatch(/^mlp: API_HTTP_STATUS: .*404/m);
  });

  it('uploads a pipeline and a version, lists, gets and deletes them', async () => {
    const file = writePipeline(home.dir, 'uploaded');
    const uploaded = await runMlp(
      ['kfp', 'pipeline', 'upload', '-p', 'uploaded', file, '-o', 'json'],
      podEnv,
    );
    expect(uploaded.stderr).toBe('');
    expect(uploaded.code).toBe(0);
    const pipeline = json(uploaded.stdout);
    const version = await runMlp(
      ['kfp', 'pipeline', 'upload-version', '-n', 'uploaded', '-v', 'second', file, '-o', 'json'],
      podEnv,
    );
    expect(version.code).toBe(0);
    expect(json(version.stdout)).toMatchObject({ pipeline_id: pipeline.pipeline_id, display_name: 'second' });
    const listed = await runMlp(['kfp', 'pipeline', 'list', '-o', 'json'], podEnv);
    expect(json(listed.stdout).map((item) => item.pipeline_id)).toContain(pipeline.pipeline_id);
    const got = await runMlp(['kfp', 'pipeline', 'get', String(pipeline.pipeline_id)], podEnv);
    expect(got.stdout).toContain('uploaded');

    const pipelineId = String(pipeline.pipeline_id);
    const versions = await runMlp(['kfp', 'pipeline', 'list-versions', pipelineId, '-o', 'json'], podEnv);
    expect(versions.code).toBe(0);
    const versionList = json(versions.stdout);
    expect(versionList).toHaveLength(2);
    const second = versionList.find((item) => item.display_name === 'second');
    const gotVersion = await runMlp(
      ['kfp', 'pipeline', 'get-version', pipelineId, String(second?.pipeline_version_id), '-o', 'json'],
      podEnv,
    );
    expect(json(gotVersion.stdout)).toMatchObject({ pipeline_version_id: second?.pipeline_version_id });
    // KFP keeps a pipeline that has versions; mlp says so in its own terms and how to get past it.
    const refused = await runMlp(['kfp', 'pipeline', 'delete', pipelineId, '--yes'], podEnv);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^mlp: CLI_PIPELINE_HAS_VERSIONS: Pipeline ${pipelineId} still has 2 versions.*--cascade`,
        'm',
      ),
    );
    const deletedVersion = await runMlp(
      ['kfp', 'pipeline', 'delete-version', pipelineId, String(second?.pipeline_version_id), '--yes'],
      podEnv,
    );
    expect(deletedVersion.code).toBe(0);
    expect(
      json((await runMlp(['kfp', 'pipeline', 'list-versions', pipelineId, '-o', 'json'], podEnv)).stdout),
    ).toHaveLength(1);
    const cascaded = await runMlp(['kfp', 'pipeline', 'delete', pipelineId, '--cascade', '--yes'], podEnv);
    expect(cascaded.stderr).toContain(`Pipeline ${pipelineId} deleted with its versions.`);
    expect(cascaded.code).toBe(0);
    expect((await runMlp(['kfp', 'pipeline', 'get', pipelineId], podEnv)).code).toBe(6);
  });

  it("runs an uploaded pipeline by name at a version and by id, printing the run's UI link", async () => {
    const file = writePipeline(home.dir, 'by-name');
    const uploaded = json(
      (await runMlp(['kfp', 'pipeline', 'upload', '-p', 'by-name', file, '-o', 'json'], podEnv)).stdout,
    );
    const [version] = json(
      (await runMlp(['kfp', 'pipeline', 'list-versions', String(uploaded.pipeline_id), '-o', 'json'], podEnv))
        .stdout,
    );
    const byName = await runMlp(
      [
        'kfp',
        'run',
        'create',
        '-n',
        'by-name',
        '-v',
        String(version?.pipeline_version_id),
        '-e',
        'cli-tests',
        '-o',
        'json',
        'a=1',
        'b=2',
      ],
      podEnv,
    );
    expect(byName.code).toBe(0);
    const run = json(byName.stdout);
    expect(run).toMatchObject({
      pipeline_version_reference: {
        pipeline_id: uploaded.pipeline_id,
        pipeline_version_id: version?.pipeline_version_id,
      },
      runtime_config: { parameters: { a: 1, b: 2 } },
    });
    expect(byName.stderr).toContain(
      `Run details: ${podEnv.KF_PIPELINES_ENDPOINT?.replace(/\/+$/, '')}/#/runs/details/${run.run_id}`,
    );
    const byId = await runMlp(
      ['kfp', 'run', 'create', '-p', String(uploaded.pipeline_id), '-o', 'json', 'a=1', 'b=x'],
      podEnv,
    );
    expect(byId.code).toBe(2);
    expect(byId.stderr).toMatch(/^mlp: KFP_INVALID_PARAMETERS: .*\n.*"b" must be NUMBER_INTEGER/m);
    const both = await runMlp(['kfp', 'run', 'create', '-f', file, '-n', 'by-name'], podEnv);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^mlp: CLI_USAGE: mlp kfp run create takes exactly one of -f/m);
  });

  it('pages with --max-size and --page-token, and prints kubectl tables: -o wide, --no-headers', async () => {
    for (const name of ['page-a', 'page-b', 'page-c'])
      await runMlp(['kfp', 'experiment', 'create', name], podEnv);
    const filter = JSON.stringify({
      predicates: [{ key: 'display_name', operation: 'IS_SUBSTRING', string_value: 'page-' }],
    });
    const common = ['kfp', 'experiment', 'list', '--filter', filter, '--sort-by', 'display_name'];
    const first = await runMlp([...common, '-m', '2', '--page-token', '', '-o', 'json'], podEnv);
    expect(first.code).toBe(0);
    expect(json(first.stdout).map((item) => item.display_name)).toEqual(['page-a', 'page-b']);
    const token = /^Next page: --page-token (\S+)$/m.exec(first.stderr)?.[1];
    expect(token).toBeTruthy();
    const next = await runMlp([...common, '-m', '2', '--page-token', String(token), '-o', 'json'], podEnv);
    expect(json(next.stdout).map((item) => item.display_name)).toEqual(['page-c']);
    expect(next.stderr).not.toContain('Next page');
    // Without a token: up to --max-size items, across pages.
    const limited = await runMlp([...common, '-m', '2'], podEnv);
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(3);
    const wide = await runMlp([...common, '-o', 'wide'], podEnv);
    expect(wide.stdout.split('\n')[0]).toMatch(
      /^EXPERIMENT ID {3,}NAME .* NAMESPACE {3,}LAST RUN {3,}DESCRIPTION$/,
    );
    const bare = await runMlp([...common, '--no-headers'], podEnv);
    expect(bare.stdout.split('\n')[0]).toMatch(/^\S+ {3,}page-a {3,}/);
    const none = await runMlp(
      [
        'kfp',
        'experiment',
        'list',
        '--filter',
        JSON.stringify({
          predicates: [{ key: 'display_name', operation: 'EQUALS', string_value: 'no-such' }],
        }),
      ],
      podEnv,
    );
    expect(none).toMatchObject({ code: 0, stdout: '' });
    expect(none.stderr).toContain('No resources found.');
  });

  it('terminates a run; watching it then ends CANCELED with exit 4', async () => {
    const file = writePipeline(home.dir, 'to-cancel-hangs');
    const created = await runMlp(
      ['kfp', 'run', 'create', '-f', file, '-e', 'cli-tests', '-o', 'json', 'a=1', 'b=1'],
      podEnv,
    );
    const runId = String(json(created.stdout).run_id);
    expect((await runMlp(['kfp', 'run', 'terminate', runId, '--yes'], podEnv)).code).toBe(0);
    const watched = await runMlp(['kfp', 'run', 'get', runId, '-w'], podEnv);
    expect(watched.stderr).toMatch(/CANCELED/);
    expect(watched.stderr).toMatch(/^mlp: CLI_RUN_CANCELED: Run \S+ ended CANCELED\.$/m);
    expect(watched.code).toBe(4);
  });

  it('exits 3 when the watched run FAILED, with the run error in the summary', async () => {
    const file = writePipeline(home.dir, 'broken-fails');
    const result = await runMlp(
      ['kfp', 'run', 'create', '-f', file, '-e', 'cli-tests', '-w', '-o', 'json', 'a=1', 'b=1'],
      podEnv,
    );
    expect(result.stderr).toMatch(/Run broken-fails .* FAILED in .*: /);
    expect(result.stderr).toMatch(/^mlp: CLI_RUN_FAILED: Run \S+ FAILED\.$/m);
    expect(result.code).toBe(3);
    expect(json(result.stdout).state).toBe('FAILED');
  });

  it('stops watching at --timeout with exit 5 and says the run continues', async () => {
    const file = writePipeline(home.dir, 'stuck-hangs');
    const result = await runMlp(
      ['kfp', 'run', 'create', '-f', file, '-e', 'cli-tests', '-w', '-t', '2', 'a=1', 'b=1'],
      podEnv,
    );
    expect(result.stderr).toMatch(/^mlp: KFP_RUN_WAIT_TIMEOUT: /m);
    expect(result.stderr).toMatch(/is still RUNNING; it continues on the cluster/);
    expect(result.code).toBe(5);
  });

  it('archives, unarchives and deletes runs', async () => {
    const file = writePipeline(home.dir, 'archived');
    const created = await runMlp(
      ['kfp', 'run', 'create', '-f', file, '-e', 'cli-tests', '-o', 'json', 'a=1', 'b=1'],
      podEnv,
    );
    const runId = String(json(created.stdout).run_id);
    const archived = await runMlp(['kfp', 'run', 'archive', runId, '-o', 'json'], podEnv);
    expect(json(archived.stdout)).toEqual({ run_id: runId, action: 'archive' });
    const got = json((await runMlp(['kfp', 'run', 'get', runId, '-o', 'json'], podEnv)).stdout);
    expect(got.storage_state).toBe('ARCHIVED');
    expect((await runMlp(['kfp', 'run', 'unarchive', runId], podEnv)).code).toBe(0);
    expect((await runMlp(['kfp', 'run', 'delete', runId], podEnv)).code).toBe(2);
    expect((await runMlp(['kfp', 'run', 'delete', runId, '--yes'], podEnv)).code).toBe(0);
    expect((await runMlp(['kfp', 'run', 'get', runId], podEnv)).code).toBe(6);
  });
});

describe('mlp kfp recurring-run (served by Prism from the upstream spec, which checks each request)', {
  timeout: 90_000,
}, () => {
  it('creates a recurring run from a package on a cron schedule, lists, gets, disables and deletes', async () => {
    const file = writePipeline(home.dir, 'nightly');
    const experiment = json(
      (await runMlp(['kfp', 'experiment', 'create', 'scheduled', '-o', 'json'], podEnv)).stdout,
    );
    const created = await runMlp(
      [
        'kfp',
        'recurring-run',
        'create',
        '-j',
        'nightly',
        '-f',
        file,
        '-e',
        String(experiment.experiment_id),
        '--cron-expression',
        '0 0 2 * * *',
        '--max-concurrency',
        '2',
        '--no-catchup',
        '-o',
        'json',
        'a=1',
        'b=2',
      ],
      podEnv,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(json(created.stdout)).toHaveProperty('recurring_run_id');
    // -m 1: Prism's example page always carries a next_page_token, which the pager would follow.
    const listed = await runMlp(['kfp', 'recurring-run', 'list', '-m', '1', '-o', 'json'], podEnv);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(Array.isArray(json(listed.stdout))).toBe(true);
    for (const action of ['get', 'disable', 'enable', 'delete']) {
      const result = await runMlp(
        ['kfp', 'recurring-run', action, 'a7c2', ...(action === 'delete' ? ['-y'] : [])],
        podEnv,
      );
      expect(result.stderr).not.toMatch(/^mlp: /m);
      expect(result.code).toBe(0);
    }
  }, 180_000);
});

describe('errors and exit codes', { timeout: 90_000 }, () => {
  it('exits 2 with KFP_INVALID_PARAMETERS for a parameter the pipeline does not take, before sending', async () => {
    const file = writePipeline(home.dir, 'checked');
    const result = await runMlp(['kfp', 'run', 'create', '-f', file, 'a=one', 'c=3'], podEnv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mlp: KFP_INVALID_PARAMETERS: /m);
    expect(result.stderr).toMatch(/\bc\b/);
    expect(cluster.kfp.snapshot().runs.some((run) => run.display_name?.startsWith('checked'))).toBe(false);
  });

  it('exits 2 for a five-field cron, with the six-field spelling, before sending the recurring run', async () => {
    const file = writePipeline(home.dir, 'scheduled');
    const result = await runMlp(
      [
        'kfp',
        'recurring-run',
        'create',
        '-j',
        'nightly',
        '-f',
        file,
        '-e',
        'some-id',
        '--cron-expression',
        '0 2 * * *',
        'a=1',
        'b=2',
      ],
      podEnv,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mlp: CONFIG_INVALID_OPTION: .*has 5 fields.*'0 0 2 \* \* \*'/m);
  });

  it('exits 2 with KFP_INVALID_PARAMETERS for a recurring run whose parameter has the wrong type', async () => {
    const file = writePipeline(home.dir, 'typed');
    const result = await runMlp(
      [
        'kfp',
        'recurring-run',
        'create',
        '-j',
        'typed',
        '-f',
        file,
        '--interval-second',
        '60',
        'a=1',
        'b=two',
      ],
      podEnv,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mlp: KFP_INVALID_PARAMETERS: /m);
    expect(result.stderr).toContain('"b" must be NUMBER_INTEGER (an integer), got a string');
  });

  it('exits 2 when a recurring run names both a package and a pipeline id', async () => {
    const result = await runMlp(
      [
        'kfp',
        'recurring-run',
        'create',
        '-j',
        'nightly',
        '-f',
        'x.yaml',
        '--pipeline-id',
        'p',
        '--interval-second',
        '60',
      ],
      podEnv,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/exactly one of --pipeline-package-path \(-f\) and --pipeline-id/);
  });

  it('exits 2 with KFP_INVALID_PIPELINE_PACKAGE for a file that is not a compiled pipeline', async () => {
    const file = join(home.dir, 'not-a-pipeline.yaml');
    writeFileSync(file, 'hello: world\n');
    const result = await runMlp(['kfp', 'run', 'create', '-f', file], podEnv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mlp: KFP_INVALID_PIPELINE_PACKAGE: /m);
  });

  it('exits 2 with the problem named for a malformed parameter, before anything is sent', async () => {
    const file = writePipeline(home.dir, 'bad-args');
    const result = await runMlp(['kfp', 'run', 'create', '-f', file, 'a'], podEnv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mlp: CLI_USAGE: Pipeline parameters are KEY=VALUE/m);
  });

  it('exits 2 for an unknown command or option, with the usage hint', async () => {
    const result = await runMlp(['kfp', 'run', 'lst'], podEnv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mlp: CLI_USAGE: unknown command 'lst'/m);
    const option = await runMlp(['kfp', 'run', 'list', '--bogus'], podEnv);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(
      /^mlp: CLI_USAGE: unknown option '--bogus'\n\(run with --help for usage\)/m,
    );
  });

  it('exits 7 when the gateway refuses the credentials, and prints no token', async () => {
    const tokenDir = isolatedHome();
    const tokenPath = join(tokenDir.dir, 'token');
    const forged = `${cluster.serviceAccount.createToken().slice(0, -6)}AAAAAA`;
    writeFileSync(tokenPath, forged);
    try {
      const result = await runMlp(['kfp', 'run', 'list', '--debug'], {
        ...podEnv,
        KF_PIPELINES_SA_TOKEN_PATH: tokenPath,
      });
      expect(result.code).toBe(7);
      expect(result.stderr).toMatch(/^mlp: API_HTTP_STATUS: .*401/m);
      expect(result.stderr).toMatch(
        /^mlp: debug: -> GET http:\/\/127\.0\.0\.1:\d+\/pipeline\/apis\/v2beta1\/runs/m,
      );
      expect(result.stderr).not.toContain(forged.split('.')[1]);
      expect(result.stdout).toBe('');
    } finally {
      tokenDir.remove();
    }
  });

  it('exits 6 when the endpoint cannot be reached', async () => {
    const result = await runMlp(['kfp', 'run', 'list', '--endpoint', 'http://127.0.0.1:9/pipeline'], podEnv);
    expect(result.code).toBe(6);
    // Core's transport names a connection that never got an HTTP answer.
    expect(result.stderr).toMatch(/^mlp: NETWORK_ERROR: /m);
  });
});
