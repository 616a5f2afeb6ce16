import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  IN_CLUSTER_CA_PATH,
  IN_CLUSTER_NAMESPACE_PATH,
  InClusterFileError,
  inClusterNamespace,
  readInClusterCa,
  serviceAccountTokenAuth,
} from '@ml-platform/auth-sa-token';
import { ConfigError } from '@ml-platform/core';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createTestCertificates } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sa-in-cluster-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function fileWith(name: string, content: string): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, content);
  return path;
}

describe('inClusterNamespace', () => {
  it('reads the namespace file, trimmed', async () => {
    expect(IN_CLUSTER_NAMESPACE_PATH).toBe('/var/run/secrets/kubernetes.io/serviceaccount/namespace');
    expect(await inClusterNamespace({ path: await fileWith('namespace', 'team-a\n') })).toBe('team-a');
  });

  it.each<[string, string | undefined, string]>([
    ['a missing file', undefined, 'IN_CLUSTER_FILE_MISSING'],
    ['an empty file', ' \n', 'IN_CLUSTER_FILE_EMPTY'],
    ['something that is not a namespace name', 'Team A\nsecond line', 'IN_CLUSTER_NAMESPACE_INVALID'],
  ])('rejects %s with a coded ConfigError naming the path', async (_name, content, code) => {
    const path =
      content === undefined ? join(scratch, 'no-namespace') : await fileWith(`ns-${code}`, content);
    const error = await inClusterNamespace({ path }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(InClusterFileError);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code, path, message: expect.stringContaining(path) });
  });
});

describe('readInClusterCa', () => {
  let server: Server;
  let caPath: string;
  let baseUrl: string;
  let tokenPath: string;
  const authorizations: Array<string | undefined> = [];

  beforeAll(async () => {
    // A cluster CA and a serving certificate it signed for 127.0.0.1.
    const { ca, key, cert } = createTestCertificates();
    caPath = await fileWith('ca.crt', ca);
    tokenPath = await fileWith('token', 'in-cluster-token\n');
    server = createServer({ key, cert }, (request, response) => {
      authorizations.push(request.headers.authorization);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"multi_user":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives the CA bundle that lets a client verify an HTTPS endpoint the cluster CA signed', async () => {
    expect(IN_CLUSTER_CA_PATH).toBe('/var/run/secrets/kubernetes.io/serviceaccount/ca.crt');
    const auth = serviceAccountTokenAuth({ path: tokenPath });
    const ca = await readInClusterCa({ path: caPath });
    const verified = createKfpV2Client({ baseUrl, auth, tls: { ca } });
    const unverified = createKfpV2Client({ baseUrl, auth });

    const { response } = await verified.GET('/apis/v2beta1/healthz');
    const withoutCa = await unverified.GET('/apis/v2beta1/healthz').catch((thrown: unknown) => thrown);
    auth.close();

    expect(response.status).toBe(200);
    expect(authorizations).toEqual(['Bearer in-cluster-token']);
    // The default roots do not include the cluster's CA.
    expect(withoutCa).toMatchObject({
      code: 'TLS_ERROR',
      cause: { cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } },
    });
  });

  it('rejects a file without a PEM certificate, and a missing file', async () => {
    const notPem = await fileWith('not-a-ca.crt', 'in-cluster-token\n');
    await expect(readInClusterCa({ path: notPem })).rejects.toMatchObject({
      code: 'IN_CLUSTER_CA_NOT_PEM',
      path: notPem,
    });
    const missing = join(scratch, 'no-ca.crt');
    await expect(readInClusterCa({ path: missing })).rejects.toMatchObject({
      code: 'IN_CLUSTER_FILE_MISSING',
      message: expect.stringContaining(missing),
    });
  });
});
