/**
 * TLS like kubectl: a gateway with its own CA (and one that wants a client
 * certificate) in front of the local test bed; the spawned `mlp` with
 * `--ca-file`, `--client-certificate`/`--client-key` or
 * `--insecure-skip-tls-verify`, from flags and from a profile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalCluster, startLocalCluster } from '@ml-platform/testbed';
import { type HttpsGateway, startHttpsGateway } from '@ml-platform/testbed/gateway/https-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedHome, runMlp } from './mlp-process.js';

let cluster: LocalCluster;
let https: HttpsGateway;
let mutual: HttpsGateway;
let home: ReturnType<typeof isolatedHome>;
let files: { ca: string; cert: string; key: string; token: string };

beforeAll(async () => {
  cluster = await startLocalCluster({ mocks: 'lazy' });
  https = await startHttpsGateway({ upstream: cluster.url });
  mutual = await startHttpsGateway({
    upstream: cluster.url,
    requireClientCertificate: true,
    certificates: https.certificates,
  });
  home = isolatedHome();
  const write = (name: string, text: string) => {
    const path = join(home.dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  };
  files = {
    ca: write('ca.crt', https.certificates.ca),
    cert: write('client.crt', https.certificates.clientCert),
    key: write('client.key', https.certificates.clientKey),
    token: write('token', cluster.serviceAccount.createToken()),
  };
});

afterAll(async () => {
  await Promise.all([https?.stop(), mutual?.stop()]);
  await cluster?.stop();
  home?.remove();
});

function runList(gateway: HttpsGateway, flags: string[]) {
  return runMlp(
    [
      'kfp',
      'run',
      'list',
      '--namespace',
      cluster.namespace,
      '-o',
      'json',
      '--endpoint',
      `${gateway.url}/pipeline`,
      '--auth',
      'token',
      '--token-file',
      files.token,
      ...flags,
    ],
    { ...home.env, CI: 'true' },
  );
}

describe('TLS', { timeout: 90_000 }, () => {
  it('trusts the private CA given with --ca-file', async () => {
    const result = await runList(https, ['--ca-file', files.ca]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('without the CA: exits 6 with TLS_ERROR, saying to pass --ca-file', async () => {
    const result = await runList(https, []);
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/^mlp: TLS_ERROR: .*--ca-file/m);
    expect(result.stderr).not.toMatch(/tls\.ca\b/);
  });

  it('--insecure-skip-tls-verify works and warns on every use, from a flag or a profile', async () => {
    const flagged = await runList(https, ['--insecure-skip-tls-verify']);
    expect(flagged.code).toBe(0);
    expect(flagged.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^mlp: warning: --insecure-skip-tls-verify: the server's certificate is not checked/,
      ),
    ]);
    const saved = await runMlp(
      [
        'config',
        'set-profile',
        'dev-cluster',
        '--kfp-endpoint',
        `${https.url}/pipeline`,
        '--insecure-skip-tls-verify',
      ],
      home.env,
    );
    expect(saved.code).toBe(0);
    const fromProfile = await runMlp(
      [
        'kfp',
        'run',
        'list',
        '--namespace',
        cluster.namespace,
        '--auth',
        'token',
        '--token-file',
        files.token,
      ],
      home.env,
    );
    expect(fromProfile.code).toBe(0);
    expect(fromProfile.stderr).toMatch(/^mlp: warning: --insecure-skip-tls-verify/m);
    expect((await runMlp(['config', 'delete', 'dev-cluster'], home.env)).code).toBe(0);
  });

  it('sends the client certificate of --client-certificate and --client-key (mutual TLS)', async () => {
    const withCert = await runList(mutual, [
      '--ca-file',
      files.ca,
      '--client-certificate',
      files.cert,
      '--client-key',
      files.key,
    ]);
    expect(withCert.stderr).toBe('');
    expect(withCert.code).toBe(0);
    const refusedBefore = mutual.refusedClients;
    const without = await runList(mutual, ['--ca-file', files.ca]);
    expect(without.code).toBe(7);
    expect(mutual.refusedClients).toBe(refusedBefore + 1);
  });

  it('exits 2 before sending anything for a missing or non-PEM file, or a certificate without its key', async () => {
    const missing = await runList(https, ['--ca-file', join(home.dir, 'nope.crt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^mlp: CLI_FILE_UNREADABLE: --ca-file .*nope\.crt cannot be read \(ENOENT\)/m,
    );
    const notPem = await runList(https, ['--ca-file', files.token]);
    expect(notPem.code).toBe(2);
    expect(notPem.stderr).toMatch(/is not a PEM file/);
    const alone = await runList(mutual, ['--ca-file', files.ca, '--client-certificate', files.cert]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--client-certificate and --client-key go together/);
    // None of them printed the key or the token.
    for (const result of [missing, notPem, alone]) {
      expect(result.stderr).not.toContain('PRIVATE KEY');
      expect(result.stderr).not.toContain(readFileSync(files.token, 'utf8'));
    }
  });
});
