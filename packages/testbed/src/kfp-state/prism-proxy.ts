import { type MockedApi, openapiDocumentPath, startPrismCli } from '../prism.js';

export interface PrismProxy {
  /** Where to send requests; Prism forwards them to the upstream. */
  readonly url: string;
  /** Prism's log, which names each violation. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Prism in proxy mode in front of `upstream`: every request is validated
 * against the API's OpenAPI document before it is forwarded, and every
 * response after; a violation is reported in the `sl-violations` response
 * header (and, with `--errors`, turns the answer into an error). This is how
 * the emulators' answers are held to the upstream spec.
 */
export async function startPrismProxy(api: MockedApi, upstream: string): Promise<PrismProxy> {
  return startPrismCli('proxy', ['--errors'], [openapiDocumentPath(api), upstream]);
}
