// `npm run bench:profile`: one CPU profile per contender of the request-overhead figure (bare openapi-fetch, our
// client, our client with a static token), each in its own process, then where each spent its time. Profiles go
// to bench/results/profile/<contender>/ (gitignored), to open in Chrome DevTools or VS Code.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const count = process.argv[2] ?? '30000';
for (const contender of ['openapi-fetch', 'ours', 'ours-static-token']) {
  const dir = here(`../results/profile/${contender}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, here('./run-contender.mjs'), contender, count],
    {
      stdio: 'inherit',
    },
  );
  console.log(`\n## ${contender} (${count} GETs at concurrency 50)\n`);
  console.log(execFileSync(process.execPath, [here('./summarize.mjs'), dir, '15'], { encoding: 'utf8' }));
}
