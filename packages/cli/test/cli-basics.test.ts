import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp } from './mlp-process.js';

const home = isolatedHome();
afterAll(() => home.remove());

describe('mlp itself', () => {
  it('prints its version from the package', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const result = await runMlp(['--version'], home.env);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await runMlp(['--help'], home.env)).stdout).toMatch(
      /^ {2}--version +Print the version of mlp\./m,
    );
    // After a command, --version is that command's: kfp's `run create -v/--version` (a pipeline version id).
    const runVersion = await runMlp(
      ['kfp', 'run', 'create', '-f', 'pipeline.yaml', '--version', 'abc'],
      home.env,
    );
    expect(runVersion.code).toBe(2);
    expect(runVersion.stderr).toMatch(/^mlp: CLI_USAGE: -v\/--version picks a version of -p or -n/m);
  });

  it('shows examples in every command help', async () => {
    for (const command of [
      ['kfp', 'run', 'create'],
      ['kfp', 'experiment', 'archive'],
      ['kfp', 'pipeline', 'upload-version'],
      ['kfp', 'recurring-run', 'create'],
      ['seldon', 'deployment', 'predict'],
      ['login'],
      ['config', 'set-profile'],
    ]) {
      const result = await runMlp([...command, '--help'], home.env);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`Examples:\\n {2}\\$ mlp ${command.join(' ')}`));
    }
  });

  it('prints a bash completion script that completes commands and options', async () => {
    const script = await runMlp(['completion', 'bash'], home.env);
    expect(script.code).toBe(0);
    const path = join(home.dir, 'mlp-completion.bash');
    execFileSync('sh', ['-c', `cat > ${path}`], { input: script.stdout });
    const complete = (line: string) =>
      execFileSync(
        'bash',
        [
          '-c',
          `source ${path}; COMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _mlp_complete; echo "\${COMPREPLY[*]}"`,
        ],
        { encoding: 'utf8' },
      ).trim();
    expect(complete('mlp kfp r').split(' ').sort()).toEqual(['recurring-run', 'run']);
    expect(complete('mlp kfp run create --pa').split(' ')).toEqual(['--package-file']);
    const refused = await runMlp(['completion', 'powershell'], home.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^mlp: CLI_USAGE: mlp completion supports bash, zsh, fish/m);
  });
});

describe('mlp config', () => {
  it('keeps named profiles in a 0600 file without secrets and switches between them', async () => {
    const set = await runMlp(
      [
        'config',
        'set-profile',
        'dev',
        '--kfp-endpoint',
        'https://kubeflow.example.com/pipeline',
        '--auth',
        'dex',
        '--username',
        'me@example.com',
        '--namespace',
        'team-a',
      ],
      home.env,
    );
    expect(set.code).toBe(0);
    await runMlp(['config', 'set-profile', 'prod', '--auth', 'sa-token', '--no-use'], home.env);
    const path = (await runMlp(['config', 'path'], home.env)).stdout.trim();
    expect(path).toBe(join(home.env.XDG_CONFIG_HOME!, 'ml-platform', 'mlp.json'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      current: 'dev',
      profiles: {
        dev: {
          kfpEndpoint: 'https://kubeflow.example.com/pipeline',
          namespace: 'team-a',
          auth: 'dex',
          username: 'me@example.com',
        },
        prod: { auth: 'sa-token' },
      },
    });
    const listed = await runMlp(['config', 'list', '-o', 'json'], home.env);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ name: 'dev', current: true }),
      expect.objectContaining({ name: 'prod', current: false }),
    ]);
    expect((await runMlp(['config', 'use', 'prod'], home.env)).code).toBe(0);
    expect(JSON.parse((await runMlp(['config', 'show', '-o', 'json'], home.env)).stdout)).toEqual({
      name: 'prod',
      auth: 'sa-token',
    });
    expect((await runMlp(['config', 'delete', 'prod'], home.env)).code).toBe(0);
  });

  it('exits 2 for an unknown profile, an invalid auth kind or a malformed endpoint', async () => {
    const unknown = await runMlp(['--profile', 'nope', 'kfp', 'run', 'list'], home.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^mlp: CLI_PROFILE_NOT_FOUND: No profile named "nope"/m);
    const kind = await runMlp(['config', 'set-profile', 'x', '--auth', 'kerberos'], home.env);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/Allowed choices are none, sa-token, token, oidc, dex, kubeconfig/);
    const url = await runMlp(['config', 'set-profile', 'x', '--kfp-endpoint', 'kubeflow'], home.env);
    expect(url.code).toBe(2);
    expect(url.stderr).toMatch(/--kfp-endpoint must be an absolute URL/);
  });

  it('exits 2 and names the file when the config file is not JSON', async () => {
    const broken = isolatedHome();
    try {
      const path = join(broken.dir, 'mlp.json');
      execFileSync('sh', ['-c', `printf '{oops' > ${path}`]);
      const result = await runMlp(['kfp', 'run', 'list'], { ...broken.env, MLP_CONFIG: path });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(`^mlp: CLI_CONFIG_FILE_INVALID: The config file ${path} cannot be used`, 'm'),
      );
    } finally {
      broken.remove();
    }
  });
});
