// A mirror of our own, laid out like ../shared/specs: <api>/<version>/<file>
// plus a README.md table with each release's repo, path, commit and sha256.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export type MirrorEntry = {
  api: string;
  version: string;
  repo: string;
  path: string;
  commit: string;
  bytes: Uint8Array | string;
};

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function writeMirror(
  entries: MirrorEntry[],
  dir = mkdtempSync(join(tmpdir(), 'specs-mirror-')),
): string {
  const rows = entries.map(
    (entry) =>
      `| ${entry.api} | ${entry.version} | ${entry.repo} | ${entry.path} | ${entry.commit} | ${sha256(entry.bytes)} |`,
  );
  writeFileSync(
    join(dir, 'README.md'),
    [
      '# Mirror',
      '',
      '| api | version | upstream repo | path in upstream repo | commit | sha256 |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  for (const entry of entries) {
    mkdirSync(join(dir, entry.api, entry.version), { recursive: true });
    writeFileSync(join(dir, entry.api, entry.version, basename(entry.path)), entry.bytes);
  }
  return dir;
}
