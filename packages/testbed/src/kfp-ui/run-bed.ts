/**
 * A KFP API server emulator and the UI server's stand-in in front of the same
 * runs, on a clock the test moves: what tests of logs, artifacts and ML
 * Metadata start. Runs are created through the real REST API.
 */

import type { KfpEmulatorOptions } from '../kfp-state/kfp-emulator.js';
import { type KfpEmulatorServer, startKfpEmulatorServer } from '../kfp-state/kfp-emulator-server.js';
import { type KfpUiServer, type KfpUiServerOptions, startKfpUiServer } from './ui-server.js';

export interface RunBed {
  api: KfpEmulatorServer;
  ui: KfpUiServer;
  /** Moves the emulated clock by `ms`. */
  advance(ms: number): void;
  /** Creates a run of an inline pipeline named `pipelineName` (`...-fails` fails, `...-hangs` never ends); resolves its id. */
  createRun(pipelineName: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startRunBed(
  options: { emulator?: KfpEmulatorOptions; ui?: KfpUiServerOptions } = {},
): Promise<RunBed> {
  let now = Date.now();
  const api = await startKfpEmulatorServer({ multiUser: false, now: () => now, ...options.emulator });
  const ui = await startKfpUiServer(api.emulator, options.ui);
  return {
    api,
    ui,
    advance: (ms) => {
      now += ms;
    },
    async createRun(pipelineName) {
      const response = await fetch(`${api.url}/apis/v2beta1/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          display_name: `run of ${pipelineName}`,
          pipeline_spec: {
            pipelineInfo: { name: pipelineName },
            root: { dag: {} },
            schemaVersion: '2.1.0',
            sdkVersion: 'kfp-2.14.0',
          },
        }),
      });
      if (!response.ok)
        throw new Error(`creating a run answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { run_id: string }).run_id;
    },
    async stop() {
      await Promise.allSettled([ui.stop(), api.stop()]);
    },
  };
}
