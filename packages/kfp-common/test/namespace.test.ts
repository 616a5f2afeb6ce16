// The pod's namespace file is read by core's one in-cluster reader, with the same rules as the auth plugins.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inClusterNamespace } from '@ml-platform/core/in-cluster';
import { resolveUserNamespace } from '@ml-platform/kfp-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let scratch: string;
let noContext: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kfp-common-namespace-'));
  noContext = join(scratch, 'no-context.json');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function namespaceFile(name: string, content: string): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, content);
  return path;
}

describe('resolveUserNamespace and the pod namespace file', () => {
  it('uses the pod namespace, trimmed, when there is no context file', async () => {
    const file = await namespaceFile('namespace', 'team-a\n');
    expect(await resolveUserNamespace({ contextFile: noContext, serviceAccountNamespaceFile: file })).toBe(
      'team-a',
    );
  });

  it('answers undefined when there is no namespace file (not in a pod)', async () => {
    const missing = join(scratch, 'no-namespace');
    expect(
      await resolveUserNamespace({ contextFile: noContext, serviceAccountNamespaceFile: missing }),
    ).toBeUndefined();
  });

  it.each([
    ['an empty file', ' \n', 'IN_CLUSTER_FILE_EMPTY'],
    ['a file that holds no namespace name', 'Team A\nsecond line', 'IN_CLUSTER_NAMESPACE_INVALID'],
  ])('refuses %s exactly as inClusterNamespace does', async (_name, content, code) => {
    const file = await namespaceFile(`ns-${code}`, content);
    const fromKfp = await resolveUserNamespace({
      contextFile: noContext,
      serviceAccountNamespaceFile: file,
    }).catch((error: unknown) => error);
    const fromCore = await inClusterNamespace({ path: file }).catch((error: unknown) => error);
    expect(fromKfp).toMatchObject({ code, path: file });
    expect((fromKfp as Error).message).toBe((fromCore as Error).message);
  });
});
