import type { GatewayIdentity } from './upstream.js';

/** What the gateway decided about one request. Holds no credential. */
export interface GatewayLogEntry {
  readonly method: string;
  /** The path without its query (a query may carry anything). */
  readonly path: string;
  /** The route that served it, when one matched and the caller was allowed. */
  readonly route?: string;
  readonly status: number;
  /** Who the request was authenticated as, when it was. */
  readonly identity?: GatewayIdentity;
  /** Why it was refused, in the words of the component that refused it. */
  readonly refusal?: string;
}

const MAX_ENTRIES = 10_000;

/** A bounded, append-only list of decisions, for tests and the demo's summary lines. */
export class GatewayLog {
  readonly #entries: GatewayLogEntry[] = [];

  add(entry: GatewayLogEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > MAX_ENTRIES) this.#entries.shift();
  }

  get entries(): readonly GatewayLogEntry[] {
    return this.#entries;
  }

  /** Entries from index `from` on: what happened since a mark taken with `entries.length`. */
  since(from: number): readonly GatewayLogEntry[] {
    return this.#entries.slice(from);
  }
}
