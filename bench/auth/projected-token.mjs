// A ServiceAccount token laid out the way the kubelet projects it
// (pkg/volume/util/atomic_writer.go): the real file in a timestamped
// directory, `..data` pointing at that directory, and `token` pointing
// through `..data`. Plugins that watch for rotation see the real structure.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An unsigned JWT: the client only reads `exp`; the (bench) server does not verify. */
function jwtExpiringIn(seconds) {
  const part = (object) => Buffer.from(JSON.stringify(object)).toString('base64url');
  const exp = Math.floor(Date.now() / 1000) + seconds;
  return `${part({ alg: 'RS256', kid: 'bench' })}.${part({ sub: 'system:serviceaccount:kubeflow:bench', exp })}.c2ln`;
}

export function createProjectedToken() {
  const dir = mkdtempSync(join(tmpdir(), 'ml-platform-bench-sa-'));
  const timestamped = '..2025_01_01_00_00_00.000000001';
  mkdirSync(join(dir, timestamped));
  writeFileSync(join(dir, timestamped, 'token'), jwtExpiringIn(3600));
  symlinkSync(timestamped, join(dir, '..data'));
  symlinkSync(join('..data', 'token'), join(dir, 'token'));
  return { path: join(dir, 'token'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
