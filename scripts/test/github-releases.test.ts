// Releases from GitHub over HTTPS, against a local fake of its API: versions
// from tags (paginated), a version's commit from its (annotated, `v`-prefixed)
// tag, and a download checked against the git blob id GitHub reports for it.
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubSource, gitBlobSha } from '../lib/update/github-releases.mjs';
import { type Route, startFakeGitHub } from './helpers/fake-github.ts';

const COMMIT = 'c'.repeat(40);
const TAG_OBJECT = 't'.repeat(40);
const SPEC = '{"swagger":"2.0","info":{"version":"1.2.0"}}';
const pin = {
  api: 'pets-v1',
  package: '@example/pets',
  upstream: {
    repo: 'acme/pets',
    tag: '1.0.0',
    commit: 'a'.repeat(40),
    path: 'api/v1/pets.swagger.json',
    license: 'MIT',
  },
  sha256: '0'.repeat(64),
};

/** GitHub's answers for release 1.2.0, tagged `v1.2.0` (annotated), whose raw download is `download`. */
function release(download: string = SPEC): Record<string, Route> {
  return {
    '/api/repos/acme/pets/git/ref/tags/v1.2.0': {
      json: { ref: 'refs/tags/v1.2.0', object: { type: 'tag', sha: TAG_OBJECT } },
    },
    [`/api/repos/acme/pets/git/tags/${TAG_OBJECT}`]: { json: { object: { type: 'commit', sha: COMMIT } } },
    [`/api/repos/acme/pets/contents/api/v1/pets.swagger.json?ref=${COMMIT}`]: {
      json: { type: 'file', sha: gitBlobSha(new TextEncoder().encode(SPEC)) },
    },
    [`/raw/acme/pets/${COMMIT}/api/v1/pets.swagger.json`]: { body: download },
  };
}

let github: Awaited<ReturnType<typeof startFakeGitHub>> | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

async function sourceFor(routesFor: (origin: string) => Record<string, Route>, token?: string) {
  github = await startFakeGitHub(routesFor);
  return createGitHubSource({ apiUrl: github.apiUrl, rawUrl: github.rawUrl, token });
}

describe('GitHub releases', () => {
  it('computes git blob ids as `git hash-object` does', () => {
    expect(gitBlobSha(new TextEncoder().encode('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('lists release versions from every page of tags, skipping pre-releases and other tags', async () => {
    const source = await sourceFor((origin) => ({
      '/api/repos/acme/pets/tags?per_page=100': {
        json: [{ name: '1.0.0' }, { name: 'v1.2.0' }, { name: '1.3.0-rc.1' }],
        headers: {
          link: `<${origin}/api/repos/acme/pets/tags?per_page=100&page=2>; rel="next", <x>; rel="last"`,
        },
      },
      '/api/repos/acme/pets/tags?per_page=100&page=2': { json: [{ name: 'sdk-2.0.0' }, { name: '1.1.0' }] },
    }));
    expect(await source.listVersions(pin)).toEqual(['1.0.0', '1.2.0', '1.1.0']);
  });

  it('resolves a version through its annotated `v` tag to the commit, and downloads the file at that commit', async () => {
    const source = await sourceFor(() => release());
    const fetched = await source.fetchRelease(pin, '1.2.0');
    expect(fetched.upstream).toEqual({ ...pin.upstream, tag: '1.2.0', commit: COMMIT });
    expect(new TextDecoder().decode(fetched.bytes)).toBe(SPEC);
    expect(github!.requests.map((request) => request.url)).toEqual([
      '/api/repos/acme/pets/git/ref/tags/1.2.0',
      '/api/repos/acme/pets/git/ref/tags/v1.2.0',
      `/api/repos/acme/pets/git/tags/${TAG_OBJECT}`,
      `/api/repos/acme/pets/contents/api/v1/pets.swagger.json?ref=${COMMIT}`,
      `/raw/acme/pets/${COMMIT}/api/v1/pets.swagger.json`,
    ]);
  });

  it('refuses a download that is not the blob GitHub lists for that commit (tampered)', async () => {
    const source = await sourceFor(() => release('{"swagger":"2.0","info":{"version":"6.6.6"}}'));
    await expect(source.fetchRelease(pin, '1.2.0')).rejects.toMatchObject({
      code: 'SPEC_DOWNLOAD_TAMPERED',
      message: expect.stringContaining('refusing it'),
    });
  });

  it('sends the token to the API only, never to the raw download host', async () => {
    const source = await sourceFor(() => release(), 'secret-token');
    await source.fetchRelease(pin, '1.2.0');
    const api = github!.requests.filter((request) => request.url.startsWith('/api/'));
    const raw = github!.requests.filter((request) => request.url.startsWith('/raw/'));
    expect(api.every((request) => request.headers.authorization === 'Bearer secret-token')).toBe(true);
    expect(raw.map((request) => request.headers.authorization)).toEqual([undefined]);
  });

  it('names the missing tag', async () => {
    const source = await sourceFor(() => ({}));
    await expect(source.fetchRelease(pin, '9.9.9')).rejects.toMatchObject({
      code: 'SPEC_RELEASE_UNKNOWN',
      message: expect.stringContaining('acme/pets has no tag 9.9.9 or v9.9.9'),
    });
  });

  it('says how to fix a document upstream moved away from the pinned path', async () => {
    const routes = release();
    delete routes[`/api/repos/acme/pets/contents/api/v1/pets.swagger.json?ref=${COMMIT}`];
    const source = await sourceFor(() => routes);
    await expect(source.fetchRelease(pin, '1.2.0')).rejects.toMatchObject({
      code: 'SPEC_UPSTREAM_FILE_MISSING',
      message: expect.stringContaining('set upstream.path in specs/pets-v1/pin.json'),
    });
  });

  it('points at GITHUB_TOKEN when the API rate-limits', async () => {
    const source = await sourceFor(() => ({
      '/api/repos/acme/pets/tags?per_page=100': { status: 403, json: {} },
    }));
    await expect(source.listVersions(pin)).rejects.toMatchObject({
      code: 'SPEC_UPSTREAM_HTTP_ERROR',
      message: expect.stringContaining('set GITHUB_TOKEN'),
    });
  });

  it('reports an unreachable host with the way out (a mirror)', async () => {
    const source = createGitHubSource({
      apiUrl: 'http://127.0.0.1:1',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(source.listVersions(pin)).rejects.toMatchObject({
      code: 'SPEC_DOWNLOAD_FAILED',
      message: expect.stringContaining('set SPECS_MIRROR'),
    });
  });
});
