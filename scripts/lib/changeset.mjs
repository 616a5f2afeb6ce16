// Writes a changeset (https://github.com/changesets/changesets) for a package:
// a Markdown file in .changeset/ whose frontmatter names the package and its
// bump, and whose body becomes the package's CHANGELOG entry.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

export const changesetDir = join(repoRoot, '.changeset');

/**
 * One name per upstream release, so running the update again replaces its
 * changeset instead of adding a second one.
 * @param {string} api @param {string} version
 */
export function changesetFileName(api, version) {
  return `upstream-${api}-${version.replaceAll('.', '-')}.md`;
}

/**
 * @param {string} packageName @param {'major' | 'minor' | 'patch'} bump @param {string} body Markdown
 */
export function renderChangeset(packageName, bump, body) {
  return `---\n${JSON.stringify(packageName)}: ${bump}\n---\n\n${body.trimEnd()}\n`;
}

/** @param {string} fileName @param {string} text @returns {string} the file written */
export function writeChangeset(fileName, text) {
  mkdirSync(changesetDir, { recursive: true });
  const file = join(changesetDir, fileName);
  writeFileSync(file, text);
  return file;
}
