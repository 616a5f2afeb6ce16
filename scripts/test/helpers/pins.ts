// Pins an API of a temporary repository copy to a release listed in a mirror's README.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMirrorReleases } from '../../lib/update/mirror-releases.mjs';

export function readPinIn(root: string, api: string) {
  return JSON.parse(readFileSync(join(root, 'specs', api, 'pin.json'), 'utf8'));
}

export function pinRelease(root: string, mirror: string, api: string, version: string): void {
  const row = readMirrorReleases(mirror).find(
    (release) => release.api === api && release.version === version,
  );
  if (!row) throw new Error(`${mirror}/README.md lists no ${api} ${version}`);
  const pin = readPinIn(root, api);
  pin.upstream = { ...pin.upstream, repo: row.repo, tag: version, commit: row.commit, path: row.path };
  pin.sha256 = row.sha256;
  writeFileSync(join(root, 'specs', api, 'pin.json'), `${JSON.stringify(pin, null, 2)}\n`);
}
