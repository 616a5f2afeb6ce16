// Obtains an upstream document for a pin (mirror or HTTPS), verifies its sha256, caches it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mirrorDir, specsCacheDir } from './paths.mjs';
import { specFileName } from './pins.mjs';

export class SpecSyncError extends Error {
  /** @param {string} code @param {string} message @param {{ cause?: unknown }} [options] */
  constructor(code, message, options) {
    super(message, options);
    this.name = 'SpecSyncError';
    this.code = code;
  }
}

/** @param {Uint8Array} bytes */
export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** @param {import('./pins.mjs').Pin} pin */
export function upstreamUrl(pin) {
  const { repo, commit, path } = pin.upstream;
  return `https://raw.githubusercontent.com/${repo}/${commit}/${path}`;
}

/** @param {import('./pins.mjs').Pin} pin where the verified bytes are cached */
export function cachedSpecPath(pin) {
  return join(specsCacheDir, pin.api, pin.upstream.tag, specFileName(pin));
}

/**
 * Returns the path of the verified upstream document for `pin`, obtaining it
 * when the cache does not already hold the right bytes.
 * @param {import('./pins.mjs').Pin} pin
 * @param {{ mirror?: string, fetch?: typeof fetch, log?: (line: string) => void }} [options]
 */
export async function syncSpec(pin, options = {}) {
  const log = options.log ?? (() => {});
  const target = cachedSpecPath(pin);
  if (existsSync(target) && sha256(readFileSync(target)) === pin.sha256) {
    log(`${pin.api} ${pin.upstream.tag}: cached, sha256 ok`);
    return target;
  }
  const mirror = 'mirror' in options ? options.mirror : mirrorDir();
  const { bytes, source } = mirror
    ? readFromMirror(pin, mirror)
    : await download(pin, options.fetch ?? fetch);
  const actual = sha256(bytes);
  if (actual !== pin.sha256) {
    throw new SpecSyncError(
      'SPEC_SHA256_MISMATCH',
      `${pin.api}: sha256 mismatch for ${source}: expected ${pin.sha256}, got ${actual}. ` +
        'The file is not the pinned upstream version: refusing it. If upstream really changed, run `npm run specs:update`.',
    );
  }
  mkdirSync(join(specsCacheDir, pin.api, pin.upstream.tag), { recursive: true });
  writeFileSync(`${target}.tmp`, bytes);
  renameSync(`${target}.tmp`, target);
  log(`${pin.api} ${pin.upstream.tag}: from ${source}, sha256 ok`);
  return target;
}

/** @param {import('./pins.mjs').Pin} pin @param {string} mirror */
function readFromMirror(pin, mirror) {
  const source = join(mirror, pin.api, pin.upstream.tag, specFileName(pin));
  if (!existsSync(source)) {
    throw new SpecSyncError(
      'SPEC_NOT_IN_MIRROR',
      `${pin.api}: ${source} does not exist. The mirror (SPECS_MIRROR or ../shared/specs) must be laid out ` +
        `<api>/<version>/<file>; unset SPECS_MIRROR to download from upstream instead.`,
    );
  }
  return { bytes: readFileSync(source), source };
}

/** @param {import('./pins.mjs').Pin} pin @param {typeof fetch} fetchImpl */
async function download(pin, fetchImpl) {
  const source = upstreamUrl(pin);
  let response;
  try {
    response = await fetchImpl(source, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new SpecSyncError(
      'SPEC_DOWNLOAD_FAILED',
      `${pin.api}: could not download ${source} (${describe(error)}). Without network access, set SPECS_MIRROR ` +
        'to a directory of upstream documents laid out <api>/<version>/<file> (e.g. SPECS_MIRROR=../shared/specs).',
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new SpecSyncError(
      'SPEC_DOWNLOAD_FAILED',
      `${pin.api}: downloading ${source} answered HTTP ${response.status}. Check the pin in specs/${pin.api}/pin.json, ` +
        'or set SPECS_MIRROR to a local mirror laid out <api>/<version>/<file>.',
    );
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()), source };
}

/** @param {unknown} error */
function describe(error) {
  if (error instanceof Error) {
    const cause = /** @type {{ code?: string, message?: string } | undefined} */ (error.cause);
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
