// Archives as users make them (Info-ZIP's zip, GNU tar + gzip, run as real processes) and as they
// break: one pipeline file, pipeline.yaml among others, several files, none, corrupt, oversized.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InvalidPipelinePackageError,
  loadPipelinePackage,
  MAX_PIPELINE_PACKAGE_BYTES,
} from '@ml-platform/kfp-pipeline-spec';
import { gzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from './fixtures.js';

let work: string;
let counter = 0;
const addNumbers = fixturePath('valid', 'add_numbers.yaml');
const flipCoin = fixturePath('valid', 'flip_coin.yaml');

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kfp-pipeline-spec-archives-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A fresh directory holding `files` (name -> source fixture path, or text). */
function stage(files: Record<string, string>): string {
  const dir = join(work, `stage-${++counter}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    if (content.startsWith('/')) copyFileSync(content, join(dir, name));
    else writeFileSync(join(dir, name), content);
  }
  return dir;
}

function zipOf(files: Record<string, string>, name = 'pipeline.zip'): string {
  const dir = stage(files);
  const out = join(work, `${counter}-${name}`);
  execFileSync('zip', ['-q', '-r', out, ...Object.keys(files)], { cwd: dir });
  return out;
}

function tarGzOf(files: Record<string, string>, name = 'pipeline.tar.gz'): string {
  const dir = stage(files);
  const out = join(work, `${counter}-${name}`);
  execFileSync('tar', ['-czf', out, ...Object.keys(files)], { cwd: dir });
  return out;
}

async function refusal(
  source: Parameters<typeof loadPipelinePackage>[0],
): Promise<InvalidPipelinePackageError> {
  const error = await loadPipelinePackage(source).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidPipelinePackageError);
  expect((error as InvalidPipelinePackageError).code).toBe('KFP_INVALID_PIPELINE_PACKAGE');
  return error as InvalidPipelinePackageError;
}

describe.each([
  ['zip', zipOf],
  ['tar.gz', tarGzOf],
  ['tgz', (files: Record<string, string>) => tarGzOf(files, 'pipeline.tgz')],
] as const)('%s archives', (label, make) => {
  it('load the one pipeline file they hold, whatever its name', async () => {
    const archive = make({ 'my-pipeline.yaml': addNumbers });
    const pkg = await loadPipelinePackage(archive);
    expect(pkg.pipelineName).toBe('add-numbers');
    expect(pkg.sourceName).toBe(archive);
  });

  it('prefer pipeline.yaml among several files, as the server does', async () => {
    const pkg = await loadPipelinePackage(make({ 'a-first.yaml': addNumbers, 'pipeline.yaml': flipCoin }));
    expect(pkg.pipelineName).toBe('conditional-execution-pipeline');
  });

  it('refuse several files none of which is pipeline.yaml, listing them', async () => {
    const archive = make({ 'one.yaml': addNumbers, 'two.yaml': flipCoin });
    const error = await refusal(archive);
    expect(error.message).toContain(archive);
    expect(error.message).toMatch(/holds 2 files \((one\.yaml, two\.yaml|two\.yaml, one\.yaml)\)/);
  });

  it('refuse a single file that is not YAML, naming it', async () => {
    const error = await refusal(make({ 'notes.txt': 'hello' }));
    expect(error.message).toMatch(/holds notes\.txt; the KFP server expects a pipeline\.yaml/);
  });

  it('name the entry when the pipeline inside is invalid', async () => {
    const archive = make({ 'pipeline.yaml': fixturePath('invalid', 'no_name.yaml') });
    const error = await refusal(archive);
    expect(error.sourceName).toBe(archive);
    expect(error.entry).toBe('pipeline.yaml');
    expect(error.message).toContain(`${archive} (pipeline.yaml inside): pipelineInfo.name is empty`);
  });

  it('ignore directories: a pipeline in a folder is the one file', async () => {
    const pkg = await loadPipelinePackage(make({ 'build/pipeline.yml': addNumbers }));
    expect(pkg.pipelineName).toBe('add-numbers');
  });

  it(`refuse a truncated ${label} archive`, async () => {
    const archive = make({ 'pipeline.yaml': flipCoin });
    truncateSync(archive, Math.floor(readFileSync(archive).length / 2));
    const error = await refusal(archive);
    expect(error.message).toContain(archive);
    expect(error.message).toMatch(/not a valid (zip archive|gzip file)|truncated/);
  });
});

describe('archives as tools make them', () => {
  it('finds ./pipeline.yaml in a tar made with `tar -C dir .`, among other files', async () => {
    const dir = stage({ 'pipeline.yaml': flipCoin, 'README.md': 'notes' });
    const archive = join(work, 'dot.tgz');
    execFileSync('tar', ['-czf', archive, '-C', dir, '.']);
    expect(execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' })).toContain('./pipeline.yaml');
    expect((await loadPipelinePackage(archive)).pipelineName).toBe('conditional-execution-pipeline');
  });

  it('ignores the __MACOSX metadata Finder adds to a zip', async () => {
    const archive = zipOf({ 'my-pipeline.yaml': addNumbers, '__MACOSX/._my-pipeline.yaml': 'resource fork' });
    expect((await loadPipelinePackage(archive)).pipelineName).toBe('add-numbers');
  });
});

describe('archives: empty, mislabelled, oversized', () => {
  it('refuses an empty zip archive', async () => {
    const empty = join(work, 'empty.zip');
    writeFileSync(empty, zipSync({}));
    expect((await refusal(empty)).message).toMatch(/the zip archive holds no file/);
  });

  it('refuses an empty tar.gz archive', async () => {
    const empty = join(work, 'empty.tar.gz');
    execFileSync('tar', ['-czf', empty, '-T', '/dev/null']);
    expect((await refusal(empty)).message).toMatch(/the tar\.gz archive holds no file/);
  });

  it('refuses gzip data that is not a tar archive (a gzipped YAML)', async () => {
    const gzipped = join(work, 'pipeline.tgz');
    writeFileSync(gzipped, gzipSync(readFileSync(addNumbers)));
    expect((await refusal(gzipped)).message).toMatch(/not a valid tar archive/);
  });

  it.each(['pipeline.zip', 'pipeline.tar.gz', 'pipeline.tgz'])('refuses YAML named %s', async (name) => {
    const mislabelled = join(work, name);
    copyFileSync(addNumbers, mislabelled);
    expect((await refusal(mislabelled)).message).toMatch(/its name says it is an archive, but it is not/);
  });

  it('refuses an uncompressed tar, saying to gzip it', async () => {
    const tar = join(work, 'pipeline.tar');
    execFileSync('tar', ['-cf', tar, 'add_numbers.yaml'], { cwd: join(addNumbers, '..') });
    expect((await refusal(tar)).message).toMatch(/uncompressed \.tar is not accepted.*gzip it/);
  });

  it('refuses a zip that expands past the size limit without expanding it', async () => {
    const bomb = join(work, 'bomb.zip');
    writeFileSync(bomb, zipSync({ 'pipeline.yaml': new Uint8Array(MAX_PIPELINE_PACKAGE_BYTES + 1) }));
    expect(readFileSync(bomb).length).toBeLessThan(1024 * 1024);
    expect((await refusal(bomb)).message).toMatch(/expands to more than 33554432 bytes/);
  });

  it('refuses a tar.gz that expands past the size limit', async () => {
    const bomb = join(work, 'bomb.tar.gz');
    const big = stage({});
    writeFileSync(join(big, 'pipeline.yaml'), new Uint8Array(MAX_PIPELINE_PACKAGE_BYTES + 1));
    execFileSync('tar', ['-czf', bomb, 'pipeline.yaml'], { cwd: big });
    expect((await refusal(bomb)).message).toMatch(/expands to more than 33554432 bytes/);
  });

  it('reads an archive given as a File, by its bytes, not its name', async () => {
    const bytes = readFileSync(zipOf({ 'pipeline.yaml': addNumbers }));
    const pkg = await loadPipelinePackage(new File([bytes], 'upload'));
    expect(pkg.pipelineName).toBe('add-numbers');
    expect(pkg.sourceName).toBe('upload');
  });
});
