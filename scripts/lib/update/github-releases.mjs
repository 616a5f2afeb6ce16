// Upstream releases from GitHub over HTTPS: versions from the repository's tags,
// a version's commit from its tag ref, the file from raw.githubusercontent.com at
// that commit, checked against the git blob sha the contents API reports for it
// (so a corrupted or substituted download is refused even without a pinned sha256).
import { createHash } from 'node:crypto';
import { SpecUpdateError } from './errors.mjs';
import { versionOfTag } from './versions.mjs';

/**
 * @typedef {{
 *   fetch?: typeof fetch,
 *   apiUrl?: string,
 *   rawUrl?: string,
 *   token?: string,
 *   timeoutMs?: number,
 * }} GitHubOptions
 *   apiUrl: the REST API root (GitHub Enterprise: `GITHUB_API_URL`); token: raises the
 *   anonymous rate limit (60 requests an hour) in CI.
 */

const MAX_TAG_PAGES = 20;

/** @param {Uint8Array} bytes the id git gives this content as a blob */
export function gitBlobSha(bytes) {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/** @param {string} path @returns {string} */
function encodePath(path) {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * @param {GitHubOptions} [options]
 * @returns {import('./release-source.mjs').ReleaseSource}
 */
export function createGitHubSource(options = {}) {
  const fetchImpl = options.fetch ?? fetch;
  const apiUrl = (options.apiUrl ?? 'https://api.github.com').replace(/\/$/, '');
  const rawUrl = (options.rawUrl ?? 'https://raw.githubusercontent.com').replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;

  /** @param {string} url @param {string} api @param {boolean} [json] */
  async function get(url, api, json = true) {
    /** @type {Record<string, string>} */
    const headers = { 'user-agent': 'ml-platform-clients specs:update' };
    if (json) {
      headers.accept = 'application/vnd.github+json';
      headers['x-github-api-version'] = '2022-11-28';
      if (options.token) headers.authorization = `Bearer ${options.token}`;
    }
    let response;
    try {
      response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new SpecUpdateError(
        'SPEC_DOWNLOAD_FAILED',
        `${api}: could not reach ${url} (${error instanceof Error ? error.message : String(error)}). Without network ` +
          'access, set SPECS_MIRROR to a mirror laid out <api>/<version>/<file>.',
        { cause: error },
      );
    }
    return response;
  }

  /** @param {Response} response @param {string} url @param {string} api */
  function failed(response, url, api) {
    const limited = response.status === 403 || response.status === 429;
    return new SpecUpdateError(
      'SPEC_UPSTREAM_HTTP_ERROR',
      `${api}: ${url} answered HTTP ${response.status}. ` +
        (limited
          ? 'This is likely the GitHub API rate limit: set GITHUB_TOKEN.'
          : 'Check the repo and path in the pin, or set SPECS_MIRROR to a local mirror.'),
    );
  }

  /** The commit a tag points at, following annotated tags. @param {string} repo @param {string} tag @param {string} api */
  async function commitOfTag(repo, tag, api) {
    const url = `${apiUrl}/repos/${repo}/git/ref/tags/${encodeURIComponent(tag)}`;
    const response = await get(url, api);
    if (response.status === 404) return undefined;
    if (!response.ok) throw failed(response, url, api);
    let object = (await response.json()).object;
    for (let depth = 0; object?.type === 'tag' && depth < 5; depth++) {
      const tagUrl = `${apiUrl}/repos/${repo}/git/tags/${object.sha}`;
      const tagResponse = await get(tagUrl, api);
      if (!tagResponse.ok) throw failed(tagResponse, tagUrl, api);
      object = (await tagResponse.json()).object;
    }
    if (object?.type !== 'commit' || typeof object.sha !== 'string') {
      throw new SpecUpdateError(
        'SPEC_RELEASE_UNKNOWN',
        `${api}: tag ${tag} of ${repo} does not point at a commit (found ${object?.type}). Pin a release tag.`,
      );
    }
    return object.sha;
  }

  return {
    description: `GitHub (${apiUrl})`,
    async listVersions(pin) {
      const api = pin.api;
      const versions = [];
      let url = `${apiUrl}/repos/${pin.upstream.repo}/tags?per_page=100`;
      for (let page = 0; url && page < MAX_TAG_PAGES; page++) {
        const response = await get(url, api);
        if (!response.ok) throw failed(response, url, api);
        for (const tag of await response.json()) {
          const version = versionOfTag(tag.name);
          if (version) versions.push(version);
        }
        url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1] ?? '';
      }
      return versions;
    },
    async fetchRelease(pin, version) {
      const { api, upstream } = pin;
      const tags = [version, `v${version}`];
      let commit;
      let tag;
      for (tag of tags) {
        commit = await commitOfTag(upstream.repo, tag, api);
        if (commit) break;
      }
      if (!commit) {
        throw new SpecUpdateError(
          'SPEC_RELEASE_UNKNOWN',
          `${api}: ${upstream.repo} has no tag ${tags.join(' or ')}. Run \`npm run specs:check\` to list the versions upstream has.`,
        );
      }
      const contentsUrl = `${apiUrl}/repos/${upstream.repo}/contents/${encodePath(upstream.path)}?ref=${commit}`;
      const contents = await get(contentsUrl, api);
      if (contents.status === 404) {
        throw new SpecUpdateError(
          'SPEC_UPSTREAM_FILE_MISSING',
          `${api}: ${upstream.path} does not exist in ${upstream.repo} at ${tag} (${commit}). Upstream moved or removed ` +
            `the document: find its new path and set upstream.path in specs/${api}/pin.json.`,
        );
      }
      if (!contents.ok) throw failed(contents, contentsUrl, api);
      const blobSha = (await contents.json()).sha;
      const fileUrl = `${rawUrl}/${upstream.repo}/${commit}/${encodePath(upstream.path)}`;
      const file = await get(fileUrl, api, false);
      if (!file.ok) throw failed(file, fileUrl, api);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const actual = gitBlobSha(bytes);
      if (actual !== blobSha) {
        throw new SpecUpdateError(
          'SPEC_DOWNLOAD_TAMPERED',
          `${api}: the file downloaded from ${fileUrl} has git blob id ${actual}, but GitHub lists ${blobSha} for ` +
            `${upstream.path} at ${commit}. The download was altered or truncated on the way: refusing it. Retry, ` +
            'or use a verified mirror (SPECS_MIRROR).',
        );
      }
      return { upstream: { ...upstream, tag: version, commit }, bytes, location: fileUrl };
    },
  };
}
