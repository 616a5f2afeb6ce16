// From the highest class of change to the version bump the package gets.

/**
 * @typedef {import('./rules.mjs').ChangeClass} ChangeClass
 * @typedef {{ bump: ChangeClass, highest: ChangeClass, belowOne: boolean, explanation: string }} Release
 */

/**
 * Semver's 0.x rule: below 1.0.0 the public API is not stable, and the
 * convention (npm's caret ranges rely on it: ^0.1.0 accepts 0.1.x only) is that
 * breaking changes bump the minor version and everything else the patch version.
 * @param {ChangeClass} highest the highest class among the changes
 * @param {string} currentVersion the package's version, e.g. 0.1.0
 * @returns {Release}
 */
export function releaseFor(highest, currentVersion) {
  const major = Number.parseInt(currentVersion.split('.')[0] ?? '', 10);
  if (Number.isNaN(major)) throw new Error(`"${currentVersion}" is not a semver version`);
  if (major > 0)
    return { bump: highest, highest, belowOne: false, explanation: `${describe(highest)}: ${highest} bump.` };
  const bump = highest === 'major' ? 'minor' : 'patch';
  return {
    bump,
    highest,
    belowOne: true,
    explanation:
      `${describe(highest)} (${highest}), released as a ${bump} bump: the package is ${currentVersion}, below 1.0.0, ` +
      "so semver's 0.x rule applies (breaking changes bump the minor version, everything else the patch version).",
  };
}

/** @param {ChangeClass} cls */
function describe(cls) {
  return {
    major: 'Breaking changes',
    minor: 'Additions, nothing breaking',
    patch: 'Documentation-level changes only',
  }[cls];
}
