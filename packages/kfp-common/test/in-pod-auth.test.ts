// Zero-config in a pod: a KFP client created without auth signs with the mounted KFP ServiceAccount
// token, as kfp.Client() does; with nothing mounted, a 401 says what was looked for.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AuthError } from '@ml-platform/core';
import { inPodDefaultAuth } from '@ml-platform/kfp-common';
import { createKfpV1Client } from '@ml-platform/kfp-v1';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { sendJson, startHttpServer, type TestHttpServer } from '@ml-platform/testbed';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const run = promisify(execFile);
const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.sig-in-pod';

let scratch: string;
let tokenFile: string;
let server: TestHttpServer;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kfp-in-pod-'));
  tokenFile = join(scratch, 'token');
  await writeFile(tokenFile, `${TOKEN}\n`);
  // Answers 401 to unsigned requests, as Kubeflow's gateway does.
  server = await startHttpServer((request, response) =>
    request.headers.authorization
      ? sendJson(response, 200, { multi_user: true })
      : sendJson(response, 401, { code: 16, message: 'Unauthenticated', details: [] }),
  );
});
afterAll(async () => {
  await server?.stop();
  await rm(scratch, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
  server.requests.length = 0;
});

describe('a KFP client created without auth', () => {
  it('signs with the token at KF_PIPELINES_SA_TOKEN_PATH, both API versions', async () => {
    vi.stubEnv('KF_PIPELINES_SA_TOKEN_PATH', tokenFile);
    const v2 = await createKfpV2Client({ baseUrl: server.url }).GET('/apis/v2beta1/healthz');
    const v1 = await createKfpV1Client({ baseUrl: server.url }).GET('/apis/v1beta1/healthz');
    expect([v2.response.status, v1.response.status]).toEqual([200, 200]);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
  });

  it('says which credential it picked', async () => {
    expect(await inPodDefaultAuth({ KF_PIPELINES_SA_TOKEN_PATH: tokenFile }).describe()).toEqual({
      kind: 'service-account-token',
      path: tokenFile,
      from: 'env',
    });
    const missing = join(scratch, 'absent');
    expect(await inPodDefaultAuth({ KF_PIPELINES_SA_TOKEN_PATH: missing }).describe()).toEqual({
      kind: 'none',
      lookedAt: [`${missing} (from KF_PIPELINES_SA_TOKEN_PATH)`],
    });
  });

  it('turns a 401 into an AuthError naming what was looked for and the plugins to use, when nothing was found', async () => {
    const missing = join(scratch, 'absent');
    vi.stubEnv('KF_PIPELINES_SA_TOKEN_PATH', missing);
    const error = await createKfpV2Client({ baseUrl: server.url })
      .GET('/apis/v2beta1/healthz')
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'AUTH_NO_CREDENTIAL_FOUND' });
    const message = (error as Error).message;
    expect(message).toContain(missing);
    expect(message).toContain('@ml-platform/auth-sa-token');
    expect(message).toContain('@ml-platform/auth-dex-session');
    expect(message).toContain('auth: []');
  });

  it('is off with auth: [] (unsigned on purpose: the 401 is the plain answer) or any plugin given', async () => {
    vi.stubEnv('KF_PIPELINES_SA_TOKEN_PATH', tokenFile);
    const unsigned = await createKfpV2Client({ baseUrl: server.url, auth: [] }).GET('/apis/v2beta1/healthz');
    expect(unsigned.response.status).toBe(401);
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('looks on the first request of a fresh process, where the lookup itself is loaded then', async () => {
    // The lookup is imported on the first request: in a fresh Node.js process nothing has loaded it before.
    const script = `
      import { createKfpV2Client } from '@ml-platform/kfp-v2';
      const signed = await createKfpV2Client({ baseUrl: process.env.SERVER_URL }).GET('/apis/v2beta1/healthz');
      process.env.KF_PIPELINES_SA_TOKEN_PATH = process.env.MISSING_TOKEN;
      const refused = await createKfpV2Client({ baseUrl: process.env.SERVER_URL })
        .GET('/apis/v2beta1/healthz')
        .catch((error) => error);
      console.log(JSON.stringify({ status: signed.response.status, code: refused.code, name: refused.name }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: packageDir,
      timeout: 30_000,
      env: {
        ...process.env,
        SERVER_URL: server.url,
        KF_PIPELINES_SA_TOKEN_PATH: tokenFile,
        MISSING_TOKEN: join(scratch, 'absent'),
      },
    });
    expect(JSON.parse(stdout)).toEqual({ status: 200, code: 'AUTH_NO_CREDENTIAL_FOUND', name: 'AuthError' });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      undefined,
    ]);
  });
});
