// `specs:check`: for each API, whether upstream has a newer release than the pin.
import { readPin } from '../pins.mjs';
import { SpecUpdateError } from './errors.mjs';
import { releaseSourceFromEnv } from './release-source.mjs';
import { compareVersions, newestVersion } from './versions.mjs';

/**
 * @typedef {{ api: string, package: string, pinned: string, latest: string, updateAvailable: boolean }} CheckResult
 */

/**
 * @param {string[]} apis
 * @param {{ source?: import('./release-source.mjs').ReleaseSource }} [options]
 * @returns {Promise<CheckResult[]>}
 */
export async function checkSpecs(apis, options = {}) {
  const source = options.source ?? releaseSourceFromEnv();
  const results = [];
  for (const api of apis) {
    const pin = readPin(api);
    const latest = newestVersion(await source.listVersions(pin));
    if (!latest) {
      throw new SpecUpdateError(
        'SPEC_NO_RELEASES',
        `${api}: ${source.description} lists no release versions (MAJOR.MINOR.PATCH) of ${pin.upstream.repo}. ` +
          "Check the mirror layout <api>/<version>/<file>, or the pin's upstream repo.",
      );
    }
    const pinned = pin.upstream.tag;
    results.push({
      api,
      package: pin.package,
      pinned,
      latest,
      updateAvailable: compareVersions(latest, pinned) > 0,
    });
  }
  return results;
}
