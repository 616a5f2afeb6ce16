// A client that never runs a package never loads the package loader (nor the ServiceAccount
// token plugin when it is given auth): checked in a real Node process whose module resolution
// is recorded by a loader hook (node:module register), not by reading the source.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kfp-v2-lazy-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Runs `body` as an ES module in a child Node; returns the @ml-platform specifiers it resolved, by phase. */
async function resolvedDuring(body: string, env: Record<string, string> = {}): Promise<string[]> {
  const log = join(scratch, `resolved-${Date.now()}.log`);
  const hooks = join(scratch, 'hooks.mjs');
  await writeFile(
    hooks,
    [
      "import { appendFileSync } from 'node:fs';",
      'export async function resolve(specifier, context, next) {',
      "  if (specifier.startsWith('@ml-platform/')) appendFileSync(process.env.RESOLVE_LOG, specifier + '\\n');",
      '  return next(specifier, context);',
      '}',
    ].join('\n'),
  );
  const register = join(scratch, 'register.mjs');
  await writeFile(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  await writeFile(log, '');
  execFileSync(
    process.execPath,
    ['--import', pathToFileURL(register).href, '--input-type=module', '-e', body],
    {
      cwd: packageDir,
      env: { ...process.env, ...env, RESOLVE_LOG: log },
      stdio: 'pipe',
    },
  );
  return (await readFile(log, 'utf8')).split('\n').filter(Boolean);
}

const phase = (name: string) => `await import('@ml-platform/phase-marker-${name}').catch(() => {});`;

describe('what a KFP v2 client loads', () => {
  it('loads @ml-platform/kfp-pipeline-spec only when runPipelinePackage is called', async () => {
    const resolved = await resolvedDuring(
      [
        "const { createKfpV2Client, runPipelinePackage } = await import('@ml-platform/kfp-v2');",
        "const kfp = createKfpV2Client({ baseUrl: 'http://127.0.0.1:9', auth: [] });",
        phase('created'),
        "await runPipelinePackage(kfp, { source: { text: '' } }).catch((error) => { if (error.code !== 'KFP_INVALID_PIPELINE_PACKAGE') throw error; });",
      ].join('\n'),
    );
    const marker = resolved.indexOf('@ml-platform/phase-marker-created');
    expect(marker).toBeGreaterThan(0);
    expect(resolved.slice(0, marker)).not.toContain('@ml-platform/kfp-pipeline-spec');
    expect(resolved.slice(marker)).toContain('@ml-platform/kfp-pipeline-spec');
  });

  it('loads @ml-platform/auth-sa-token only for a client without auth, at its first request', async () => {
    const token = join(scratch, 'token');
    await writeFile(token, 'in-pod-token\n');
    const resolved = await resolvedDuring(
      [
        "const { createKfpV2Client, staticTokenAuth } = await import('@ml-platform/kfp-v2');",
        "const signed = createKfpV2Client({ baseUrl: 'http://127.0.0.1:9', auth: staticTokenAuth('t') });",
        "await signed.GET('/apis/v2beta1/healthz').catch(() => {});",
        "const bare = createKfpV2Client({ baseUrl: 'http://127.0.0.1:9' });",
        phase('created'),
        "await bare.GET('/apis/v2beta1/healthz').catch(() => {});",
      ].join('\n'),
      { KF_PIPELINES_SA_TOKEN_PATH: token },
    );
    const marker = resolved.indexOf('@ml-platform/phase-marker-created');
    expect(marker).toBeGreaterThan(0);
    expect(resolved.slice(0, marker)).not.toContain('@ml-platform/auth-sa-token');
    expect(resolved.slice(marker)).toContain('@ml-platform/auth-sa-token');
  });
});
