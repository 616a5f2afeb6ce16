// A throwaway copy of just what `turbo run generate` needs (root manifests,
// scripts, spec pins and overlays, the generated packages' manifests), with
// node_modules linked to the real one. Codegen is timed there so the shared
// working tree's caches and generated files are never touched while other
// people build from them.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The packages with a `generate` task: one per pin. */
export const API_PACKAGES = ['kfp-pipeline-spec', 'kfp-v1', 'kfp-v2', 'seldon-deploy-v1alpha1'];
const ROOT_FILES = ['package.json', 'package-lock.json', 'turbo.json', 'tsconfig.base.json'];

/** @param {string} repoRoot */
export function createCodegenCopy(repoRoot) {
  const dir = mkdtempSync(join(tmpdir(), 'ml-platform-bench-codegen-'));
  for (const file of ROOT_FILES) cpSync(join(repoRoot, file), join(dir, file));
  cpSync(join(repoRoot, 'scripts', 'generate.mjs'), join(dir, 'scripts', 'generate.mjs'));
  cpSync(join(repoRoot, 'scripts', 'lib'), join(dir, 'scripts', 'lib'), { recursive: true });
  cpSync(join(repoRoot, 'specs'), join(dir, 'specs'), {
    recursive: true,
    filter: (source) => !source.includes(`${join('specs', '.cache')}`),
  });
  for (const name of API_PACKAGES) {
    mkdirSync(join(dir, 'packages', name), { recursive: true });
    for (const file of ['package.json', 'turbo.json']) {
      cpSync(join(repoRoot, 'packages', name, file), join(dir, 'packages', name, file));
    }
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    /** Removes generated outputs and the spec cache: a fresh checkout. */
    removeOutputs() {
      rmSync(join(dir, 'specs', '.cache'), { recursive: true, force: true });
      for (const name of API_PACKAGES) {
        rmSync(join(dir, 'packages', name, 'src'), { recursive: true, force: true });
        rmSync(join(dir, 'packages', name, 'openapi'), { recursive: true, force: true });
      }
    },
    removeTurboCache() {
      rmSync(join(dir, '.turbo'), { recursive: true, force: true });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
