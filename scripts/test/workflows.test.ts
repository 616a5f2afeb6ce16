// The CI workflows cannot run here; what can break silently is checked: they
// parse, every `npm run` they call is a real root script, and the jobs carry
// what their purpose needs (schedule, PR of pins + changesets, provenance).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { realRepo } from './helpers/temp-repo.ts';

const workflowsDir = join(realRepo, '.github', 'workflows');
const rootScripts = Object.keys(JSON.parse(readFileSync(join(realRepo, 'package.json'), 'utf8')).scripts);

type Step = { uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> };
type Workflow = {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; env?: Record<string, string> }>;
};

const read = (file: string) => parse(readFileSync(join(workflowsDir, file), 'utf8')) as Workflow;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) =>
  steps(workflow)
    .map((step) => step.run ?? '')
    .join('\n');

describe('CI workflows', () => {
  it.each(readdirSync(workflowsDir))('%s calls only npm scripts that exist', (file) => {
    const called = [...runs(read(file)).matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map(
      (match) => match[1],
    );
    expect(called.length).toBeGreaterThan(0);
    for (const script of called) expect(rootScripts).toContain(script);
  });

  it('the scheduled job checks upstream, updates what moved and proposes pins and changesets in a pull request', () => {
    const workflow = read('specs-upstream.yml');
    expect(workflow.on).toHaveProperty('schedule');
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(runs(workflow)).toContain('npm run --silent specs:check -- --json');
    expect(runs(workflow)).toMatch(/npm run --silent specs:update -- "\$\{update%@\*\}" "\$\{update#\*@\}"/);
    const pullRequest = steps(workflow).find((step) =>
      step.uses?.startsWith('peter-evans/create-pull-request@'),
    );
    expect(pullRequest?.with?.['add-paths']).toBe('specs/*/pin.json\n.changeset/upstream-*.md\n');
    expect(workflow.permissions).toMatchObject({ contents: 'write', 'pull-requests': 'write' });
  });

  it('the release job versions and publishes with changesets, with npm provenance', () => {
    const workflow = read('release.yml');
    const changesets = steps(workflow).find((step) => step.uses?.startsWith('changesets/action@'));
    expect(changesets?.with).toMatchObject({
      version: 'npx changeset version',
      publish: 'npx changeset publish',
    });
    expect(changesets?.env?.NPM_CONFIG_PROVENANCE).toBe('true');
    expect(workflow.permissions['id-token']).toBe('write');
    expect(runs(workflow)).toContain('npm run build');
    // The tarball and CHANGELOG checks gate the publish.
    expect(runs(workflow).indexOf('npm run check:packages')).toBeGreaterThan(
      runs(workflow).indexOf('npm run build'),
    );
  });
});
