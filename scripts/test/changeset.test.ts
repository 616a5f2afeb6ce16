import { describe, expect, it } from 'vitest';
import { changesetFileName, renderChangeset } from '../lib/changeset.mjs';

describe('changesets', () => {
  it('names the file after the API and release, so a re-run replaces it', () => {
    expect(changesetFileName('kfp-v2beta1', '2.17.0')).toBe('upstream-kfp-v2beta1-2-17-0.md');
  });

  it('writes the frontmatter @changesets/cli reads: the quoted package name and its bump, then the body', () => {
    expect(renderChangeset('@ml-platform/kfp-v2', 'minor', 'Regenerated.\n\nDetails.\n\n')).toBe(
      '---\n"@ml-platform/kfp-v2": minor\n---\n\nRegenerated.\n\nDetails.\n',
    );
  });
});
