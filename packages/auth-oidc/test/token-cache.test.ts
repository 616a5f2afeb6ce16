import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OidcAuthErrorCode, OidcAuthWarningCode, oidcAuth } from '@ml-platform/auth-oidc';
import { startNodeProcess } from '@ml-platform/testbed/child-process';
import { type OidcTestProvider, startOidcProvider } from '@ml-platform/testbed/oidc/index';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoSecrets, scriptedPrompt, temporaryDirectory, warningLog } from './helpers.js';

const WRITER = fileURLToPath(new URL('./fixtures/cache-writer.mjs', import.meta.url));
const CLIENTS_PER_WRITER = 20;

let provider: OidcTestProvider;
let otherProvider: OidcTestProvider;
let directory: Awaited<ReturnType<typeof temporaryDirectory>>;

beforeAll(async () => {
  [provider, otherProvider] = await Promise.all([
    startOidcProvider({ machineClients: 2 * CLIENTS_PER_WRITER }),
    startOidcProvider(),
  ]);
});

afterAll(async () => {
  await Promise.all([provider?.stop(), otherProvider?.stop()]);
});

beforeEach(async () => {
  directory = await temporaryDirectory();
});

afterEach(async () => {
  await directory.remove();
});

interface CacheFile {
  version: number;
  tokens: Record<string, Record<string, Record<string, unknown>>>;
}

async function readCache(path: string): Promise<CacheFile> {
  return JSON.parse(await readFile(path, 'utf8')) as CacheFile;
}

function machineAuth(
  target: OidcTestProvider,
  cachePath: string,
  onWarning?: Parameters<typeof oidcAuth>[0]['onWarning'],
) {
  const { clientId, clientSecret } = target.clients.clientCredentials;
  return oidcAuth({
    issuer: target.issuer,
    flow: 'client_credentials',
    clientId,
    clientSecret,
    tokenType: 'access_token',
    tokenCache: { path: cachePath },
    onWarning,
  });
}

function exitCodeOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('token cache file', () => {
  it('is created 0600 inside a 0700 directory and lets a later program skip the login', async () => {
    const cachePath = join(directory.path, 'config', 'ml-platform', 'tokens.json');
    const prompt = scriptedPrompt(provider);
    const auth = oidcAuth({
      issuer: provider.issuer,
      flow: 'authorization_code',
      prompt,
      tokenCache: { path: cachePath },
    });
    const token = await auth.getToken();

    expect((await stat(join(directory.path, 'config'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(directory.path, 'config', 'ml-platform'))).mode & 0o777).toBe(0o700);
    expect((await stat(cachePath)).mode & 0o777).toBe(0o600);
    const saved = (await readCache(cachePath)).tokens[provider.issuer]?.['kubeflow-pipelines-sdk'];
    expect(saved).toMatchObject({ id_token: token, refresh_token: expect.any(String) });
    expect(await readdir(join(directory.path, 'config', 'ml-platform'))).toEqual(['tokens.json']);

    const later = oidcAuth({
      issuer: provider.issuer,
      flow: 'authorization_code',
      prompt,
      interactive: false,
      tokenCache: { path: cachePath },
    });
    expect(await later.getToken()).toBe(token);
    expect(prompt.asked).toBe(1);
  });

  it("keeps every other issuer's entry when saving one, and logout removes only its own", async () => {
    const cachePath = join(directory.path, 'tokens.json');
    const foreign = {
      'https://keycloak.example.com/realms/ml': { 'sd-api': { refresh_token: 'kept-as-is' } },
    };
    await writeFile(cachePath, JSON.stringify({ version: 1, tokens: foreign }), { mode: 0o600 });
    const first = machineAuth(provider, cachePath);
    const second = machineAuth(otherProvider, cachePath);

    const [firstToken] = await Promise.all([first.getToken(), second.getToken()]);
    const both = await readCache(cachePath);
    await first.logout();
    const afterLogout = await readCache(cachePath);

    expect(Object.keys(both.tokens).sort()).toEqual(
      [provider.issuer, otherProvider.issuer, 'https://keycloak.example.com/realms/ml'].sort(),
    );
    expect(both.tokens[provider.issuer]?.['ml-pipeline-batch']?.access_token).toBe(firstToken);
    expect(Object.keys(afterLogout.tokens).sort()).toEqual(
      [otherProvider.issuer, 'https://keycloak.example.com/realms/ml'].sort(),
    );
    expect(afterLogout.tokens['https://keycloak.example.com/realms/ml']).toEqual(
      foreign['https://keycloak.example.com/realms/ml'],
    );
    expect((await stat(cachePath)).mode & 0o777).toBe(0o600);
  });

  it('reports a corrupt file, keeps working and replaces the file', async () => {
    const cachePath = join(directory.path, 'tokens.json');
    const garbage = '{"version": 1, "tokens": {"half-written';
    await writeFile(cachePath, garbage, { mode: 0o600 });
    const { warnings, onWarning } = warningLog();

    const token = await machineAuth(provider, cachePath, onWarning).getToken();

    expect(warnings.map((warning) => warning.code)).toEqual([OidcAuthWarningCode.tokenCacheCorrupt]);
    expect(warnings[0]?.message).toContain(cachePath);
    expect(warnings[0]?.message).not.toContain('half-written');
    expect((await readCache(cachePath)).tokens[provider.issuer]?.['ml-pipeline-batch']?.access_token).toBe(
      token,
    );
    expectNoSecrets(warnings, [token, provider.clients.clientCredentials.clientSecret]);
  });

  it('refuses a file other users can read, naming its mode, and leaves it as it is', async () => {
    const cachePath = join(directory.path, 'tokens.json');
    await machineAuth(provider, cachePath).getToken();
    const saved = await readFile(cachePath, 'utf8');
    await chmod(cachePath, 0o644);

    const error = await machineAuth(provider, cachePath)
      .getToken()
      .catch((thrown: unknown) => thrown);

    expect(error).toMatchObject({
      code: OidcAuthErrorCode.tokenCacheFile,
      message: expect.stringContaining(
        `${cachePath} is readable or writable by other users (mode 644); it holds OIDC tokens. Run chmod 600`,
      ),
      cause: { code: 'PRIVATE_FILE_EXPOSED', mode: 0o644 },
    });
    expectNoSecrets(error, [saved, provider.clients.clientCredentials.clientSecret]);
    expect((await stat(cachePath)).mode & 0o777).toBe(0o644);
    expect(await readFile(cachePath, 'utf8')).toBe(saved);
  });

  it('refuses a cache in a directory others can write to, naming it and its mode, and writes nothing there', async () => {
    const shared = join(directory.path, 'shared');
    await mkdir(shared);
    await chmod(shared, 0o777);
    const cachePath = join(shared, 'tokens.json');

    const error = await machineAuth(provider, cachePath)
      .getToken()
      .catch((thrown: unknown) => thrown);

    expect(error).toMatchObject({
      code: OidcAuthErrorCode.tokenCacheFile,
      message: expect.stringContaining(`The directory ${shared}, where ${cachePath} (tokenCache) is kept`),
      cause: { code: 'PRIVATE_FILE_EXPOSED', mode: 0o777, path: shared },
    });
    expect((error as Error).message).toContain('(mode 777)');
    expect(await readdir(shared)).not.toContain('tokens.json');
  });

  it("takes over, within a second, a lock recorded with this process's own pid (PID 1 after a container restart)", async () => {
    const cachePath = join(directory.path, 'tokens.json');
    await writeFile(
      `${cachePath}.lock`,
      JSON.stringify({ pid: process.pid, host: hostname(), id: 'before-the-restart' }),
    );
    // Left by the container's previous run, ten seconds before this one started.
    const restartedAgo = new Date(Date.now() - 10_000);
    await utimes(`${cachePath}.lock`, restartedAgo, restartedAgo);
    const { warnings, onWarning } = warningLog();
    const started = performance.now();

    const token = await machineAuth(provider, cachePath, onWarning).getToken();

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(warnings).toEqual([]);
    expect((await readCache(cachePath)).tokens[provider.issuer]?.['ml-pipeline-batch']?.access_token).toBe(
      token,
    );
    expect(await readdir(directory.path)).toEqual(['tokens.json']);
  });

  it('breaks a lock left behind by a process that crashed while holding it', async () => {
    const cachePath = join(directory.path, 'tokens.json');
    const crashed = spawn(process.execPath, ['-e', 'process.exit(0)']);
    await exitCodeOf(crashed);
    await writeFile(
      `${cachePath}.lock`,
      JSON.stringify({ pid: crashed.pid, host: hostname(), id: 'crashed-holder' }),
    );

    const token = await machineAuth(provider, cachePath).getToken();

    expect((await readCache(cachePath)).tokens[provider.issuer]?.['ml-pipeline-batch']?.access_token).toBe(
      token,
    );
    expect(await readdir(directory.path)).toEqual(['tokens.json']);
  });

  it('loses no entry when two processes save into it at the same time', async () => {
    const cachePath = join(directory.path, 'tokens.json');
    const machines = provider.clients.machines;
    const jobs = [machines.slice(0, CLIENTS_PER_WRITER), machines.slice(CLIENTS_PER_WRITER)];
    const jobFiles = await Promise.all(
      jobs.map(async (clients, index) => {
        const jobFile = join(directory.path, `job-${index}.json`);
        await writeFile(jobFile, JSON.stringify({ issuer: provider.issuer, cachePath, clients }), {
          mode: 0o600,
        });
        return jobFile;
      }),
    );
    const writers = await Promise.all(
      jobFiles.map((jobFile) => startNodeProcess(WRITER, [jobFile], /^ready$/m)),
    );
    try {
      const exits = writers.map((writer) => exitCodeOf(writer.child));
      for (const writer of writers) writer.child.kill('SIGUSR2');
      const codes = await Promise.all(exits);

      expect(codes, writers.map((writer) => writer.output()).join('\n')).toEqual([0, 0]);
      const saved = (await readCache(cachePath)).tokens[provider.issuer] ?? {};
      expect(Object.keys(saved).sort()).toEqual(machines.map((machine) => machine.clientId).sort());
      expect(Object.values(saved).every((entry) => typeof entry.access_token === 'string')).toBe(true);
      expect((await readdir(directory.path)).sort()).toEqual(['job-0.json', 'job-1.json', 'tokens.json']);
      expect((await stat(cachePath)).mode & 0o777).toBe(0o600);
    } finally {
      await Promise.all(writers.map((writer) => writer.stop()));
    }
  });
});
