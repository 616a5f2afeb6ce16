import { requireText } from '@ml-platform/core';
import { recordSettings, settingsOf } from './client-settings.js';
import { type NamespaceFiles, resolveUserNamespace } from './namespace.js';

/**
 * A client's default namespace: a name, or `'auto'` to find it as kfp.Client
 * does in multi-user mode (`~/.config/kfp/context.json`, then the pod's
 * ServiceAccount namespace file).
 */
export type ClientNamespaceOption = string;

/** Records the namespace helpers use for `client` when they are given none. */
export function setClientNamespace(
  client: object,
  namespace: ClientNamespaceOption | undefined,
  files: NamespaceFiles = {},
): void {
  if (namespace === undefined) return;
  const value = requireText('namespace', namespace, "'team-a' or 'auto'");
  if (value !== 'auto') {
    recordSettings(client, { namespace: async () => value });
    return;
  }
  // Read on first use (creating a client reads no file), once; a failed read is not kept.
  let pending: Promise<string | undefined> | undefined;
  recordSettings(client, {
    namespace: () => {
      pending ??= resolveUserNamespace(files).catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
  });
}

/** `given` when there is one, else the client's default namespace (undefined when it has none). */
export async function namespaceFor(client: object, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) return given;
  return settingsOf(client).namespace?.();
}
