#!/usr/bin/env node
// Usage: npm run build   (its first step; `npm ci` before it)
//
// Before anything is built: the Node.js running this meets the root package.json's
// engines (npm ci brings Node.js 22 from the npm registry on Linux x64), and the Debian
// packages the tests drive are installed, by apt-get when this runs as root, else it stops
// and prints the one command to run. Exits 1 when either is not so.
import { DEBIAN_PARTS, installCommand, installWithAptGet, planDebianParts } from './lib/debian-parts.mjs';
import { nodeVersionProblem, requiredNodeRange } from './lib/node-floor.mjs';

const problem = nodeVersionProblem(process.versions.node, requiredNodeRange());
if (problem) {
  console.error(problem);
  process.exit(1);
}

const plan = planDebianParts();
if (plan.kind === 'not-debian') {
  console.warn(
    `Not a Debian system (no dpkg-query): the tests need ${plan.wanted.join(', ')} or their equivalents; install them yourself.`,
  );
} else if (plan.kind === 'install') {
  console.log(`Installing the Debian packages the tests drive: ${plan.missing.join(', ')}`);
  const code = installWithAptGet(plan.missing);
  if (code !== 0) {
    console.error(
      `apt-get failed (exit ${code}); nothing was built. Fix the above, then run npm run build again.`,
    );
    process.exit(1);
  }
} else if (plan.kind === 'ask') {
  const reasons = plan.missing.map(
    (name) => `  ${name}: ${DEBIAN_PARTS[name] ?? 'kubectl, the oracle for kubeconfig merging'}`,
  );
  console.error(
    [
      'The tests drive Debian packages that are not installed here:',
      ...reasons,
      'Only root can install them (this runs as another user, or without apt-get). Run:',
      '',
      `  ${installCommand(plan.missing)}`,
      '',
      'then npm run build again. Nothing was built.',
    ].join('\n'),
  );
  process.exit(1);
}
