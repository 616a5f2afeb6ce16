// `specs:update`: moves an API's pin to a newer upstream release, checks the
// overlay still applies (Swagger pins), compares what users of the package see
// before and after (a Swagger document's OpenAPI 3 form, or a .proto's message
// types), regenerates, and writes the changeset. Nothing is written until every
// check has passed.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { changesetFileName, renderChangeset, writeChangeset } from '../changeset.mjs';
import { convertSpec } from '../convert.mjs';
import { releaseFor } from '../diff/bump.mjs';
import { compareDocuments } from '../diff/compare-documents.mjs';
import { compareProtoFiles } from '../diff/compare-protos.mjs';
import { renderReport } from '../diff/report.mjs';
import { isProtobufPin, pinnedFiles, protoModulePath, readPin, writePin } from '../pins.mjs';
import { cachedSpecPath, sha256, syncSpec } from '../sync.mjs';
import { SpecUpdateError } from './errors.mjs';
import { regenerate } from './regenerate.mjs';
import { releaseSourceFromEnv } from './release-source.mjs';
import { compareVersions, parseVersion } from './versions.mjs';
import { findWorkspacePackage } from './workspace-package.mjs';

/**
 * @typedef {{
 *   api: string,
 *   version: string,
 *   source?: import('./release-source.mjs').ReleaseSource,
 *   generate?: boolean,
 *   dryRun?: boolean,
 *   log?: (line: string) => void,
 * }} UpdateOptions
 *   source: where releases come from (default: SPECS_MIRROR / ../shared/specs, else GitHub);
 *   generate: regenerate the package (default true); dryRun: report only, write nothing.
 * @typedef {{
 *   status: 'already-pinned' | 'no-change' | 'updated',
 *   from: string,
 *   to: string,
 *   comparison?: import('../diff/compare-documents.mjs').Comparison,
 *   release?: import('../diff/bump.mjs').Release,
 *   report?: string,
 *   changesetFile?: string,
 * }} UpdateResult
 */

/** @param {UpdateOptions} options @returns {Promise<UpdateResult>} */
export async function updateSpec({ api, version, source, generate = true, dryRun = false, log = () => {} }) {
  const pin = readPin(api);
  const from = pin.upstream.tag;
  if (!parseVersion(version)) {
    throw new SpecUpdateError(
      'SPEC_VERSION_INVALID',
      `"${version}" is not a release version: expected MAJOR.MINOR.PATCH (e.g. 2.17.0). Run \`npm run specs:check\` to see what upstream has.`,
    );
  }
  if (version === from) return { status: 'already-pinned', from, to: version };
  if (compareVersions(version, from) < 0) {
    throw new SpecUpdateError(
      'SPEC_VERSION_DOWNGRADE',
      `${api} is pinned to ${from}; ${version} is older. specs:update only moves forward: to go back, revert the ` +
        `commit that updated specs/${api}/pin.json.`,
    );
  }
  const releases = source ?? releaseSourceFromEnv();
  const workspacePackage = findWorkspacePackage(pin.package);

  // A pin of several files (a .proto and the ones it imports) moves as one: each file is fetched
  // and verified on its own, all from the same release.
  const oldFiles = [];
  const newFiles = [];
  for (const file of pinnedFiles(pin)) {
    oldFiles.push(await syncSpec(file, { log }));
    const fetched = await releases.fetchRelease(file, version);
    log(`${api} ${version}: from ${fetched.location}, verified`);
    /** @type {import('../pins.mjs').Pin} */
    const newFile = { ...file, upstream: fetched.upstream, sha256: sha256(fetched.bytes) };
    newFiles.push({ pin: newFile, file: cacheVerified(newFile, fetched.bytes) });
  }
  /** @type {import('../pins.mjs').Pin} */
  const newPin = {
    ...pin,
    upstream: newFiles[0].pin.upstream,
    sha256: newFiles[0].pin.sha256,
    ...(pin.imports
      ? {
          imports: newFiles
            .slice(1)
            .map(({ pin: file }) => ({ path: file.upstream.path, sha256: file.sha256 })),
        }
      : {}),
  };

  const comparison = await compareReleases(
    pin,
    oldFiles,
    newFiles.map(({ file }) => file),
  );

  if (!comparison.highest) {
    // The pin still follows upstream, so `specs:check` stops proposing this release; there is nothing to release.
    if (!dryRun) writePin(newPin);
    return { status: 'no-change', from, to: version, comparison };
  }
  const release = releaseFor(comparison.highest, workspacePackage.version);
  const report = renderReport({ api, from, to: version, changes: comparison.changes, release });
  if (dryRun) return { status: 'updated', from, to: version, comparison, release, report };

  writePin(newPin);
  const changesetFile = writeChangeset(
    changesetFileName(api, version),
    renderChangeset(pin.package, release.bump, report),
  );
  if (generate) log(regenerate(api, workspacePackage.relativeDir));
  return { status: 'updated', from, to: version, comparison, release, report, changesetFile };
}

/**
 * What users of the package see change between two releases' files: the .protos' message types,
 * or a Swagger document's converted OpenAPI 3 form.
 * @param {import('../pins.mjs').Pin} pin @param {string[]} oldFiles @param {string[]} newFiles
 *   the verified files of each release, in pinnedFiles order
 */
async function compareReleases(pin, oldFiles, newFiles) {
  if (isProtobufPin(pin)) {
    const names = pinnedFiles(pin).map((file) => protoModulePath(pin, file));
    return compareProtoFiles(
      oldFiles.map((file, index) => ({ file, name: names[index] })),
      newFiles.map((file, index) => ({ file, name: names[index] })),
    );
  }
  const [oldFile, newFile] = [oldFiles[0], newFiles[0]];
  const before = await convertSpec(pin.api, oldFile);
  // The overlay's `test` guards run here: a fix that no longer matches throws an OverlayError naming it.
  const after = await convertSpec(pin.api, newFile);
  return compareDocuments(before, after);
}

/**
 * Puts already-verified bytes where `syncSpec` looks for them, so `generate`
 * finds the new release without fetching it again.
 * @param {import('../pins.mjs').Pin} pin @param {Uint8Array} bytes
 */
function cacheVerified(pin, bytes) {
  const target = cachedSpecPath(pin);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, bytes);
  renameSync(`${target}.tmp`, target);
  return target;
}
