import { selectProfile } from '../connection/profile.js';
import type { GlobalOptions } from '../global-options.js';

/**
 * The KFP UI's address: the UI serves the API under the same root
 * (`https://<host>/pipeline`), so it is the endpoint the client uses.
 */
export async function kfpUiBase(globals: GlobalOptions): Promise<string | undefined> {
  const explicit = globals.endpoint ?? (await selectProfile(globals)).profile.kfpEndpoint;
  if (explicit) return explicit;
  const { resolveKfpEndpoint } = await import('@ml-platform/kfp-common');
  try {
    return resolveKfpEndpoint();
  } catch {
    return undefined;
  }
}

/** `Run details: <link>` on stderr after a run is created, as kfp.Client shows it. */
export async function printRunLink(globals: GlobalOptions, runId: string | undefined): Promise<void> {
  const uiBase = await kfpUiBase(globals);
  if (!uiBase || !runId) return;
  const { runUiUrl } = await import('@ml-platform/kfp-v2');
  process.stderr.write(`Run details: ${runUiUrl(uiBase, runId)}\n`);
}
