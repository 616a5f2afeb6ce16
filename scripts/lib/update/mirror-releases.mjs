// Upstream releases from a local mirror laid out `<api>/<version>/<file>`. The
// mirror's README.md table records, per api and version, the upstream repo,
// path, commit and sha256: that is where a version's commit comes from, and the
// sha256 proves the mirrored file is the upstream one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sha256 } from '../sync.mjs';
import { SpecUpdateError } from './errors.mjs';
import { parseVersion } from './versions.mjs';

/** @typedef {{ api: string, version: string, repo: string, path: string, commit: string, sha256: string }} MirrorRelease */

/** Column headers of the README table, and the field each fills. */
const COLUMNS = /** @type {const} */ ({
  api: 'api',
  version: 'version',
  'upstream repo': 'repo',
  'path in upstream repo': 'path',
  commit: 'commit',
  sha256: 'sha256',
});

/** @param {string} mirror @returns {MirrorRelease[]} the rows of the mirror README's release table */
export function readMirrorReleases(mirror) {
  const readme = join(mirror, 'README.md');
  if (!existsSync(readme)) {
    throw new SpecUpdateError(
      'SPEC_MIRROR_README_MISSING',
      `${readme} does not exist. A mirror must list its releases in a README.md table with the columns ` +
        `${Object.keys(COLUMNS).join(', ')}; add it, or unset SPECS_MIRROR to use upstream over HTTPS.`,
    );
  }
  const rows = readFileSync(readme, 'utf8')
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    );
  const header = rows.find((cells) => cells.includes('api') && cells.includes('version'));
  const missing = Object.keys(COLUMNS).filter((column) => !header?.includes(column));
  if (!header || missing.length) {
    throw new SpecUpdateError(
      'SPEC_MIRROR_README_INVALID',
      `${readme}: no release table with the columns ${Object.keys(COLUMNS).join(', ')} (missing: ${missing.join(', ')}). ` +
        'Fix the table, or unset SPECS_MIRROR to use upstream over HTTPS.',
    );
  }
  return rows
    .filter((cells) => cells !== header && !cells.every((cell) => /^:?-+:?$/.test(cell)))
    .map((cells) => {
      /** @type {Record<string, string>} */
      const row = {};
      for (const [column, field] of Object.entries(COLUMNS)) row[field] = cells[header.indexOf(column)] ?? '';
      return /** @type {MirrorRelease} */ (row);
    });
}

/**
 * @param {string} mirror the mirror directory
 * @returns {import('./release-source.mjs').ReleaseSource}
 */
export function createMirrorSource(mirror) {
  return {
    description: `mirror ${mirror}`,
    async listVersions(pin) {
      const dir = join(mirror, pin.api);
      if (!existsSync(dir)) return [];
      return readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && parseVersion(entry.name))
        .map((entry) => entry.name);
    },
    async fetchRelease(pin, version) {
      // A pin of several files has one row per file: the file's name tells them apart.
      const row = readMirrorReleases(mirror).find(
        (release) =>
          release.api === pin.api &&
          release.version === version &&
          basename(release.path) === basename(pin.upstream.path),
      );
      if (!row) {
        throw new SpecUpdateError(
          'SPEC_RELEASE_UNKNOWN',
          `${pin.api} ${version}: the mirror's ${join(mirror, 'README.md')} has no row for it, so its upstream commit ` +
            'is unknown. Add the row (api, version, upstream repo, path, commit, sha256), or unset SPECS_MIRROR to ' +
            'resolve the release upstream over HTTPS.',
        );
      }
      const file = join(mirror, pin.api, version, basename(row.path));
      if (!existsSync(file)) {
        throw new SpecUpdateError(
          'SPEC_NOT_IN_MIRROR',
          `${pin.api} ${version}: ${file} does not exist although the mirror's README lists it. Copy the upstream ` +
            `file there (${row.repo}@${row.commit}:${row.path}), or unset SPECS_MIRROR to download it.`,
        );
      }
      const bytes = readFileSync(file);
      const actual = sha256(bytes);
      if (actual !== row.sha256) {
        throw new SpecUpdateError(
          'SPEC_SHA256_MISMATCH',
          `${pin.api} ${version}: ${file} has sha256 ${actual}, but the mirror's README lists ${row.sha256}. The ` +
            `mirrored file is not the upstream one (modified or truncated): refusing it. Re-copy it from ` +
            `${row.repo}@${row.commit}:${row.path}.`,
        );
      }
      const upstream = { ...pin.upstream, repo: row.repo, tag: version, commit: row.commit, path: row.path };
      return { upstream, bytes: new Uint8Array(bytes), location: file };
    },
  };
}
