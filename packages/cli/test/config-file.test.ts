/**
 * The config file under concurrent writers, hostile names and loose
 * permissions: spawned `mlp config` processes on real files.
 */
import {
  chmodSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp } from './mlp-process.js';

let home: ReturnType<typeof isolatedHome>;
let configPath: string;

beforeEach(() => {
  home = isolatedHome();
  configPath = join(home.dir, 'mlp.json');
});
afterEach(() => home.remove());

const env = () => ({ ...home.env, MLP_CONFIG: configPath });
const saved = () => JSON.parse(readFileSync(configPath, 'utf8')) as { profiles: Record<string, unknown> };

describe('mlp config file', { timeout: 120_000 }, () => {
  it('keeps every profile when 20 set-profile processes run at once', async () => {
    const names = Array.from({ length: 20 }, (_, index) => `p${index}`);
    const results = await Promise.all(
      names.map((name) =>
        runMlp(
          ['config', 'set-profile', name, '--kfp-endpoint', `https://${name}.example.com/pipeline`],
          env(),
        ),
      ),
    );
    for (const result of results) {
      expect(result.stderr).toMatch(/saved/);
      expect(result.code).toBe(0);
    }
    expect(Object.keys(saved().profiles).sort()).toEqual([...names].sort());
    expect(statSync(configPath).mode & 0o777).toBe(0o600);
    // No temporary or lock file is left beside it.
    expect(readdirSync(home.dir).filter((file) => file.startsWith('mlp.json'))).toEqual(['mlp.json']);
  });

  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString'])(
    'treats %s as a profile name like any other',
    async (name) => {
      const set = await runMlp(['config', 'set-profile', name, '--auth', 'none'], env());
      expect(set.code).toBe(0);
      expect(Object.hasOwn(saved().profiles, name)).toBe(true);
      const shown = await runMlp(['config', 'show', name, '-o', 'json'], env());
      expect(JSON.parse(shown.stdout)).toEqual({ name, auth: 'none' });
      const listed = await runMlp(['config', 'list', '-o', 'json'], env());
      expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name, current: true })]);
      expect((await runMlp(['config', 'delete', name], env())).code).toBe(0);
      expect(Object.hasOwn(saved().profiles, name)).toBe(false);
    },
  );

  it('does not find an inherited name when it is no profile', async () => {
    await runMlp(['config', 'set-profile', 'dev', '--auth', 'none'], env());
    const result = await runMlp(['--profile', 'constructor', 'whoami'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mlp: CLI_PROFILE_NOT_FOUND: No profile named "constructor"/m);
  });

  it('refuses a config file other users can write, naming its mode, and does not rewrite it', async () => {
    writeFileSync(configPath, JSON.stringify({ current: 'x', profiles: { x: { auth: 'none' } } }));
    chmodSync(configPath, 0o666);
    const read = await runMlp(['whoami'], env());
    expect(read.code).toBe(2);
    expect(read.stderr).toMatch(/^mlp: CLI_CONFIG_FILE_INVALID: .*mode 666.*chmod 600/m);
    const write = await runMlp(['config', 'set-profile', 'y', '--auth', 'none'], env());
    expect(write.code).toBe(2);
    expect(statSync(configPath).mode & 0o777).toBe(0o666);
    expect(Object.keys(saved().profiles)).toEqual(['x']);
  });

  it('replaces a symlinked config with a file of its own, never writing through the link', async () => {
    const elsewhere = join(home.dir, 'elsewhere.json');
    writeFileSync(elsewhere, '{"profiles":{}}', { mode: 0o600 });
    symlinkSync(elsewhere, configPath);
    expect((await runMlp(['config', 'set-profile', 'dev', '--auth', 'none'], env())).code).toBe(0);
    expect(readFileSync(elsewhere, 'utf8')).toBe('{"profiles":{}}');
    expect(lstatSync(configPath).isSymbolicLink()).toBe(false);
  });

  it('refuses a hand-edited profile whose auth kind or setting mlp does not know, instead of ignoring it', async () => {
    writeFileSync(configPath, JSON.stringify({ current: 'x', profiles: { x: { auth: 'kerberos' } } }), {
      mode: 0o600,
    });
    const kind = await runMlp(['whoami'], env());
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(
      /profile "x": auth must be one of none, sa-token, token, oidc, dex, kubeconfig, not "kerberos"/,
    );
    writeFileSync(configPath, JSON.stringify({ profiles: { x: { insecureSkipTlsVerify: 'yes' } } }), {
      mode: 0o600,
    });
    const flag = await runMlp(['config', 'list'], env());
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/insecureSkipTlsVerify must be true or false/);
  });

  it("reads an older profile's login as its flow", async () => {
    writeFileSync(configPath, JSON.stringify({ profiles: { old: { auth: 'oidc', login: 'loopback' } } }), {
      mode: 0o600,
    });
    const shown = await runMlp(['config', 'show', 'old', '-o', 'json'], env());
    expect(JSON.parse(shown.stdout)).toEqual({ name: 'old', auth: 'oidc', flow: 'loopback' });
  });

  it('refuses a flag the auth in use would ignore, naming the auth and where it came from', async () => {
    await runMlp(['config', 'set-profile', 'dev', '--auth', 'dex', '--username', 'me@example.com'], env());
    const result = await runMlp(['kfp', 'run', 'list', '--token-file', join(home.dir, 'token')], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^mlp: CLI_USAGE: --token-file is for --auth token, but this command uses --auth dex \(profile dev\)\. Add --auth token/m,
    );
  });

  it('exits 2 for a --token-file that cannot be read, before anything is sent', async () => {
    const missing = join(home.dir, 'no-token');
    const result = await runMlp(
      [
        'kfp',
        'run',
        'list',
        '--endpoint',
        'http://127.0.0.1:9/pipeline',
        '--auth',
        'token',
        '--token-file',
        missing,
      ],
      env(),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^mlp: CLI_FILE_UNREADABLE: --token-file .*no-token cannot be read \(ENOENT\)/m,
    );
  });

  it('refuses an empty profile name', async () => {
    const result = await runMlp(['config', 'set-profile', '', '--auth', 'none'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/A profile name must be 1 to 200 printable characters/);
  });
});
