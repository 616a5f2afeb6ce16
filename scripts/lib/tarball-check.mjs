// What a published tarball must and must not hold, checked on the file list
// `npm pack --dry-run --json` reports (the list npm publish would upload).
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const TEST_FILE = [
  /(^|\/)(test|tests|__tests__|__mocks__|fixtures)\//,
  /\.(test|spec|test-d)\.[cm]?[jt]sx?$/,
  /(^|\/)vitest\.config\.[cm]?[jt]s$/,
];
const REQUIRED = ['LICENSE', 'README.md', 'package.json'];

/**
 * The problems of one package's tarball: a missing LICENSE/README, a test file,
 * or a source map whose `sources` point at files the tarball does not hold
 * (a map into `../src` would send users' debuggers to paths that do not exist).
 *
 * @param {string} packageDir where the package's files are on disk
 * @param {string[]} files the tarball's paths, relative to the package root
 * @returns {string[]}
 */
export function tarballProblems(packageDir, files) {
  const problems = [];
  const inTarball = new Set(files);
  for (const required of REQUIRED) {
    if (!inTarball.has(required)) problems.push(`the tarball has no ${required}`);
  }
  for (const file of files) {
    if (TEST_FILE.some((pattern) => pattern.test(file)))
      problems.push(`the tarball holds a test file: ${file}`);
  }
  for (const file of files.filter((path) => path.endsWith('.map'))) {
    problems.push(...sourceMapProblems(packageDir, file, inTarball));
  }
  return problems;
}

/** @param {string} packageDir @param {string} mapFile @param {Set<string>} inTarball */
function sourceMapProblems(packageDir, mapFile, inTarball) {
  let map;
  try {
    map = JSON.parse(readFileSync(join(packageDir, mapFile), 'utf8'));
  } catch (error) {
    return [`${mapFile} is not a readable source map: ${/** @type {Error} */ (error).message}`];
  }
  const sources = Array.isArray(map.sources) ? map.sources : [];
  const root = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
  return sources.flatMap((/** @type {unknown} */ source) => {
    if (typeof source !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(source) || root.includes(':')) {
      return [`${mapFile} names a source outside the tarball: ${String(source)}`];
    }
    const resolved = posix.normalize(posix.join(posix.dirname(mapFile), root, source));
    if (resolved.startsWith('../') || !inTarball.has(resolved)) {
      return [`${mapFile} points at ${source}, which the tarball does not hold (${resolved})`];
    }
    return [];
  });
}
