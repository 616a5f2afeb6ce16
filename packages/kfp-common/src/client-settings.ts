/** How a client finds its default namespace, read on first use. */
export type NamespaceLookup = () => Promise<string | undefined>;

/**
 * What the KFP factories record on a client for the helpers: its default
 * namespace and where its UI server answers.
 */
export interface KfpClientSettings {
  readonly namespace?: NamespaceLookup | undefined;
  readonly uiBaseUrl?: string | undefined;
}

/**
 * The key the settings are kept under on the client itself. `Symbol.for`, so
 * two copies of this package (kfp-v1 and kfp-v2 built against different
 * releases) read each other's clients.
 */
const SETTINGS = Symbol.for('@ml-platform/kfp-common.settings');

/** The settings recorded on `client`, or none for a client no KFP factory made. */
export function settingsOf(client: object): KfpClientSettings {
  return (client as { [SETTINGS]?: KfpClientSettings })[SETTINGS] ?? {};
}

/**
 * Records `change` on `client` beside what it has: a non-enumerable property,
 * so the client prints, spreads and compares as openapi-fetch's own.
 */
export function recordSettings(client: object, change: KfpClientSettings): void {
  Object.defineProperty(client, SETTINGS, {
    value: Object.freeze({ ...settingsOf(client), ...change }),
    enumerable: false,
    writable: false,
    configurable: true,
  });
}
