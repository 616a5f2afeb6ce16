import { type MockedApi, type PrismServer, startPrism } from '../prism.js';

export interface LazyPrism {
  /** Prism's URL, starting it on the first call (one start shared by concurrent callers). */
  url(): Promise<string>;
  readonly started: boolean;
  /** Stops Prism if it was started, waiting for a start in progress first. */
  stop(): Promise<void>;
}

/**
 * A Prism mock started on first use: a test bed that needs it only for the
 * rare request (KFP v2's recurring runs, say) does not pay its 2-4 s start-up.
 * `eager` starts it at once, in parallel with everything else.
 */
export function lazyPrism(api: MockedApi, eager: boolean): LazyPrism {
  let pending: Promise<PrismServer> | undefined;
  const start = () => {
    pending ??= startPrism(api);
    return pending;
  };
  if (eager) {
    // A failed eager start is reported by the first url() (or ignored by stop()).
    start().catch(() => undefined);
  }
  return {
    url: async () => (await start()).url,
    get started() {
      return pending !== undefined;
    },
    async stop() {
      const server = await pending?.catch(() => undefined);
      await server?.stop();
    },
  };
}
