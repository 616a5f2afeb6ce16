// Upstream release versions: plain `MAJOR.MINOR.PATCH`, optionally tagged with a
// leading `v`. Pre-releases (`2.0.0-rc.1`) and other tags (`sdk-2.3.0`) are not
// releases we pin.

const RELEASE = /^v?(\d+)\.(\d+)\.(\d+)$/;

/** @param {string} text @returns {[number, number, number] | undefined} */
export function parseVersion(text) {
  const match = RELEASE.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** @param {string} text the version a tag names, without a leading `v`; undefined for non-releases */
export function versionOfTag(text) {
  return parseVersion(text) ? text.replace(/^v/, '') : undefined;
}

/** @param {string} a @param {string} b @returns {number} negative, zero or positive */
export function compareVersions(a, b) {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`cannot compare "${a}" and "${b}": not MAJOR.MINOR.PATCH versions`);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** @param {string[]} versions @returns {string | undefined} */
export function newestVersion(versions) {
  return [...versions].sort(compareVersions).at(-1);
}
