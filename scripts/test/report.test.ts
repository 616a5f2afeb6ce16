// The report and the bump: what a maintainer reads and what the changeset says.
import { describe, expect, it } from 'vitest';
import { releaseFor } from '../lib/diff/bump.mjs';
import { compareDocuments } from '../lib/diff/compare-documents.mjs';
import { renderReport } from '../lib/diff/report.mjs';
import { changed, petStore, renameSchema } from './fixtures/pet-store.ts';

describe('releaseFor', () => {
  it("follows semver's 0.x rule below 1.0.0: breaking -> minor, anything else -> patch, and says so", () => {
    expect(releaseFor('major', '0.1.0')).toMatchObject({ bump: 'minor', highest: 'major', belowOne: true });
    expect(releaseFor('minor', '0.1.0').bump).toBe('patch');
    expect(releaseFor('patch', '0.3.2').bump).toBe('patch');
    expect(releaseFor('major', '0.1.0').explanation).toMatch(/0\.x rule/);
  });

  it('uses the class as the bump from 1.0.0 on', () => {
    expect(releaseFor('major', '1.0.0')).toMatchObject({ bump: 'major', belowOne: false });
    expect(releaseFor('minor', '2.3.4').bump).toBe('minor');
    expect(releaseFor('major', '1.0.0').explanation).not.toMatch(/0\.x/);
  });

  it('rejects a version that is not semver', () => {
    expect(() => releaseFor('major', 'next')).toThrow(/not a semver version/);
  });
});

describe('renderReport', () => {
  const after = changed((d) => {
    renameSchema(d, 'googlerpcStatus', 'googleRpcStatus');
    d.components.schemas.Pet.properties.color = { type: 'string' };
    d.components.schemas.Pet.description = 'A pet.';
    d.paths['/pets'].get.parameters.push({ name: 'sort', in: 'query', schema: { type: 'string' } });
    d.info.version = '1.1.0';
  });
  const { changes, highest } = compareDocuments(petStore(), after);
  const report = renderReport({
    api: 'pets-v1',
    from: '1.0.0',
    to: '1.1.0',
    changes,
    release: releaseFor(highest ?? 'patch', '0.1.0'),
  });

  it('starts with a one-line summary naming the API and both upstream versions (the changelog headline)', () => {
    expect(report.split('\n')[0]).toBe('Regenerated from upstream pets-v1 1.1.0 (was 1.0.0).');
  });

  it('states the bump, the 0.x rule and the counts per class', () => {
    expect(report).toContain('released as a minor bump');
    expect(report).toContain('5 changes: 1 major, 2 minor, 2 patch.');
  });

  it('groups lines by operation and schema, each with its class, the most severe group first', () => {
    expect(report).toContain(
      [
        '**Operations**',
        '',
        '- `GET /pets` (`listPets`)',
        '  - minor: parameter `sort` (query): added (optional)',
        '',
        '**Schemas**',
        '',
        '- `googleRpcStatus`',
        '  - major: schema `googlerpcStatus` renamed to `googleRpcStatus` (same shape): import `googleRpcStatus` instead',
        '- `Pet`',
        '  - minor: field `color`: added (optional)',
        '  - patch: schema: description changed',
        '',
        '**Document**',
        '',
        '- patch: info.version changed from `1.0.0` to `1.1.0`',
      ].join('\n'),
    );
  });

  it('leaves out sections without changes', () => {
    const only = compareDocuments(
      petStore(),
      changed((d) => (d.info.version = '1.0.1')),
    );
    const text = renderReport({
      api: 'pets-v1',
      from: '1.0.0',
      to: '1.0.1',
      changes: only.changes,
      release: releaseFor('patch', '0.1.0'),
    });
    expect(text).not.toContain('**Operations**');
    expect(text).not.toContain('**Schemas**');
    expect(text).toContain('1 change: 1 patch.');
  });
});
