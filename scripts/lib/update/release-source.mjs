// Where upstream releases come from: the local mirror when there is one (as for
// `specs:sync`), else GitHub over HTTPS.
import { mirrorDir } from '../paths.mjs';
import { createGitHubSource } from './github-releases.mjs';
import { createMirrorSource } from './mirror-releases.mjs';

/**
 * @typedef {import('../pins.mjs').Pin} Pin
 * @typedef {import('../pins.mjs').Upstream} Upstream
 * @typedef {{ upstream: Upstream, bytes: Uint8Array, location: string }} FetchedRelease
 *   upstream: the pin's new `upstream` (tag, commit and path of that release); bytes: verified
 * @typedef {{
 *   description: string,
 *   listVersions: (pin: Pin) => Promise<string[]>,
 *   fetchRelease: (pin: Pin, version: string) => Promise<FetchedRelease>,
 * }} ReleaseSource
 */

/**
 * @param {NodeJS.ProcessEnv} [env] SPECS_MIRROR selects the mirror; GITHUB_TOKEN and
 *   GITHUB_API_URL (both set in GitHub Actions) configure GitHub access
 * @returns {ReleaseSource}
 */
export function releaseSourceFromEnv(env = process.env) {
  const mirror = mirrorDir(env);
  if (mirror) return createMirrorSource(mirror);
  return createGitHubSource({
    token: env.GITHUB_TOKEN || undefined,
    apiUrl: env.GITHUB_API_URL || undefined,
  });
}
