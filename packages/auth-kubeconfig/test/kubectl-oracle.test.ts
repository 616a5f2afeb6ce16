import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { kubeconfigAuth } from '@ml-platform/auth-kubeconfig';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createTestCertificates, type TestCertificates } from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RecordingServers,
  type SentRequest,
  startRecordingServers,
} from './support/recording-servers.js';
import { ScratchDir } from './support/scratch-dir.js';

// kubectl is the oracle: for each case of the corpus (test/kubectl-oracle/<case>/: kubeconfig files and a
// case.json), `kubectl config view --merge --flatten --minify -o json` says which context, cluster and TLS
// settings it resolves, and `kubectl get --raw /version` against local recording servers shows what it sends
// (bearer token, client certificate, SNI name) or that it refuses the config. auth-kubeconfig, given the same
// KUBECONFIG, HOME and --context, must resolve and send the same, or refuse too.

const execFileAsync = promisify(execFile);

/** Runs kubectl with standard input closed: with no credential it would otherwise prompt for a username and wait. */
function run(command: string, args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  const running = execFileAsync(command, args, options);
  running.child.stdin?.end();
  return running;
}
const CORPUS = join(import.meta.dirname, 'kubectl-oracle');

interface OracleCase {
  /** What the case checks. */
  about: string;
  /**
   * KUBECONFIG: files of the case (joined like PATH), a raw value (`CASE_DIR` stands for the case's directory), or null
   * to leave it unset. Default: every *.yaml of the case, sorted.
   */
  KUBECONFIG?: string[] | { raw: string } | null;
  context?: string;
  /** Cases an older kubectl cannot express are excluded below its minor version, with the reason. */
  kubectl?: { minMinor: number; why: string };
}

interface Resolved {
  context: string | undefined;
  namespace: string | undefined;
  server: string | undefined;
  ca: string | undefined;
  insecureSkipTlsVerify: boolean;
  tlsServerName: string | undefined;
}

/** The part of `kubectl config view --minify -o json` compared. */
interface KubectlView {
  'current-context'?: string;
  clusters?: Array<{ cluster?: Record<string, unknown> }>;
  contexts?: Array<{ context?: { namespace?: string } }>;
}

type Outcome = { refused: true } | { refused: false; resolved: Resolved; sent: SentRequest[] };

let certificates: TestCertificates;
let servers: RecordingServers;
let scratch: ScratchDir;
let kubectlMinor: number;
let kubectlVersion: string;

beforeAll(async () => {
  certificates = createTestCertificates({ clientSubject: '/CN=oracle-client/O=dev' });
  servers = await startRecordingServers(certificates);
  scratch = new ScratchDir();
  const { stdout } = await run('kubectl', ['version', '--client', '-o', 'json']);
  const version = JSON.parse(stdout).clientVersion as { minor: string; gitVersion: string };
  kubectlMinor = Number.parseInt(version.minor, 10);
  kubectlVersion = version.gitVersion;
});
afterAll(async () => {
  await servers.stop();
  scratch.remove();
});

/** Copies a case into the scratch directory with this run's servers and certificates filled in. */
function prepare(name: string): string {
  const dir = join(scratch.path, name);
  cpSync(join(CORPUS, name), dir, { recursive: true });
  const base64 = (text: string) => Buffer.from(text).toString('base64');
  const values: Record<string, string> = {
    HTTPS_SERVER: servers.httpsUrl,
    HTTP_SERVER: servers.httpUrl,
    CA_DATA: base64(certificates.ca),
    CLIENT_CERT_DATA: base64(certificates.clientCert),
    CLIENT_KEY_DATA: base64(certificates.clientKey),
    NODE: process.execPath,
  };
  const fill = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const file = join(path, entry.name);
      if (entry.isDirectory()) fill(file);
      else if (/\.(ya?ml|mjs)$|^config$/.test(entry.name)) {
        const text = readFileSync(file, 'utf8').replace(
          /\$\{(\w+)\}/g,
          (whole, key: string) => values[key] ?? whole,
        );
        writeFileSync(file, text);
        if (entry.name.endsWith('.mjs')) chmodSync(file, 0o755);
      }
    }
  };
  fill(dir);
  writeFileSync(join(dir, 'ca.crt'), certificates.ca);
  writeFileSync(join(dir, 'client.crt'), certificates.clientCert);
  writeFileSync(join(dir, 'client.key'), certificates.clientKey);
  return dir;
}

function environment(dir: string, spec: OracleCase): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: join(dir, 'home') };
  const list = spec.KUBECONFIG;
  if (list === null) return env;
  if (list === undefined) {
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.yaml'))
      .sort();
    env.KUBECONFIG = files.map((file) => join(dir, file)).join(':');
  } else if (Array.isArray(list)) {
    env.KUBECONFIG = list.map((file) => join(dir, file)).join(':');
  } else {
    env.KUBECONFIG = list.raw.replaceAll('CASE_DIR', dir);
  }
  return env;
}

function unique(sent: SentRequest[]): SentRequest[] {
  return [...new Map(sent.map((request) => [JSON.stringify(request), request])).values()];
}

const decode = (data: unknown) =>
  typeof data === 'string' ? Buffer.from(data, 'base64').toString('utf8') : undefined;

async function kubectlOutcome(dir: string, spec: OracleCase): Promise<Outcome> {
  const env = environment(dir, spec);
  const context = spec.context === undefined ? [] : ['--context', spec.context];
  servers.take();
  const sending = await run('kubectl', ['get', '--raw', '/version', '--request-timeout=5s', ...context], {
    env,
    cwd: dir,
  }).then(
    () => true,
    () => false,
  );
  const sent = unique(servers.take());
  if (!sending && sent.length === 0) return { refused: true };
  let view: KubectlView;
  try {
    const { stdout } = await run(
      'kubectl',
      ['config', 'view', '--merge', '--flatten', '--minify', '-o', 'json', ...context],
      {
        env,
        cwd: dir,
      },
    );
    view = JSON.parse(stdout);
  } catch {
    return { refused: true };
  }
  const cluster = view.clusters?.[0]?.cluster ?? {};
  return {
    refused: false,
    resolved: {
      context: view['current-context'] || undefined,
      namespace: view.contexts?.[0]?.context?.namespace,
      server: typeof cluster.server === 'string' ? cluster.server.replace(/\/+$/, '') : undefined,
      ca: decode(cluster['certificate-authority-data']),
      insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
      tlsServerName: cluster['tls-server-name'] as string | undefined,
    },
    sent,
  };
}

async function ourOutcome(dir: string, spec: OracleCase): Promise<Outcome> {
  let auth: ReturnType<typeof kubeconfigAuth>;
  try {
    auth = kubeconfigAuth({ env: environment(dir, spec), context: spec.context, execTimeoutMs: 10_000 });
  } catch {
    return { refused: true };
  }
  servers.take();
  const sending = await createKfpV2Client({
    baseUrl: auth.server,
    auth,
    tls: auth.tls,
    proxy: auth.proxy,
    timeoutMs: 5000,
  })
    .GET('/apis/v2beta1/healthz')
    .then(
      () => true,
      () => false,
    );
  const sent = unique(servers.take());
  if (!sending && sent.length === 0) return { refused: true };
  return {
    refused: false,
    resolved: {
      context: auth.context,
      namespace: auth.namespace,
      server: auth.server,
      ca: auth.tls?.ca,
      insecureSkipTlsVerify: auth.tls?.insecureSkipVerify === true,
      tlsServerName: auth.tls?.serverName,
    },
    sent,
  };
}

const cases = readdirSync(CORPUS)
  .filter((name) => existsSync(join(CORPUS, name, 'case.json')))
  .sort()
  .map((name) => ({
    name,
    spec: JSON.parse(readFileSync(join(CORPUS, name, 'case.json'), 'utf8')) as OracleCase,
  }));

describe('agrees with kubectl (the oracle) on the corpus of kubeconfigs', () => {
  it('has a corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const { name, spec } of cases) {
    it(`${name}: ${spec.about}`, async (context) => {
      if (spec.kubectl && kubectlMinor < spec.kubectl.minMinor) {
        // Excluded by a rule keyed on the version, and said so in the report.
        context.annotate(`excluded with kubectl ${kubectlVersion}: ${spec.kubectl.why}`);
        context.skip();
      }
      const dir = prepare(name);
      const expected = await kubectlOutcome(dir, spec);
      const actual = await ourOutcome(dir, spec);
      if (process.env.ORACLE_DEBUG) console.log(name, JSON.stringify({ expected, actual }));
      expect(actual).toEqual(expected);
    });
  }
});
