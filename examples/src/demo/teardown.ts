/**
 * One way out, whatever happens: the demo finishing, a step failing, Ctrl-C
 * (SIGINT) or SIGTERM. Running steps see `signal` abort (their child process
 * is stopped), then every cleanup task runs once, newest first, and the
 * process exits with the code of the first reason to stop.
 */
export class Teardown {
  readonly #controller = new AbortController();
  readonly #tasks: Array<() => Promise<void>> = [];
  #finishing: Promise<never> | undefined;

  constructor(private readonly onFinish: (code: number, errors: unknown[]) => void) {}

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Runs at the end, even when the demo is interrupted before the resource is ready. */
  add(task: () => Promise<void>): void {
    this.#tasks.unshift(task);
  }

  /** Makes SIGINT and SIGTERM stop everything and exit with 130 and 143, as shells report them. */
  handleSignals(onSignal: (name: NodeJS.Signals) => void): void {
    for (const [name, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      process.on(name, () => {
        if (this.#finishing) return;
        onSignal(name);
        void this.finish(code);
      });
    }
  }

  finish(code: number): Promise<never> {
    this.#finishing ??= (async () => {
      this.#controller.abort();
      const errors: unknown[] = [];
      for (const task of this.#tasks.splice(0)) {
        try {
          await task();
        } catch (error) {
          errors.push(error);
        }
      }
      this.onFinish(errors.length > 0 && code === 0 ? 1 : code, errors);
      process.exit(errors.length > 0 && code === 0 ? 1 : code);
    })();
    return this.#finishing;
  }
}
