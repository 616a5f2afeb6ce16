import { mkdir } from 'node:fs/promises';
import type { RunArtifact } from '@ml-platform/kfp-v2';
import type { Invocation } from '../action.js';
import { connectKfp } from '../connection/clients.js';
import { type Column, printResult } from '../output/print.js';
import { writeBelow } from './artifact-download.js';

interface ArtifactFlags {
  download?: string;
}

/** One row: the artifact and, once downloaded, its size and where it went. */
interface ArtifactRow extends RunArtifact {
  size?: number;
  path?: string;
}

const COLUMNS: Column<ArtifactRow>[] = [
  { heading: 'Task', value: (row) => row.task.label },
  { heading: 'Name', value: (row) => row.name },
  { heading: 'Type', value: (row) => row.type },
  { heading: 'URI', value: (row) => row.uri },
  { heading: 'Size', value: (row) => row.size },
];

/**
 * `mlp kfp run artifacts <run-id> [--download <dir>]`: the outputs of every
 * task (inputs are other tasks' outputs) as a table, or JSON/YAML with all
 * their metadata. `--download` writes each into `<dir>/<task>/<name>` (a
 * directory artifact as its files below that), never outside `<dir>`.
 */
export async function runArtifacts({ args: [runId = ''], options, globals }: Invocation<ArtifactFlags>) {
  const { client, namespace } = await connectKfp(globals);
  const { listRunArtifacts, readArtifact } = await import('@ml-platform/kfp-v2');
  const rows: ArtifactRow[] = (await listRunArtifacts(client, runId)).filter((a) => a.direction === 'output');
  if (options.download) {
    await mkdir(options.download, { recursive: true });
    for (const row of rows) {
      const content = await readArtifact(client, row, {
        namespace,
        maxResponseBytes: Number.MAX_SAFE_INTEGER,
      });
      const name = `${row.task.label}/${row.name}`;
      if (content.kind === 'file') {
        row.size = await writeBelow(options.download, name, content.body);
      } else {
        row.size = 0;
        for await (const entry of content.entries) {
          row.size += await writeBelow(options.download, `${name}/${entry.path}`, entry.body);
        }
      }
      row.path = name;
      process.stderr.write(`Wrote ${name} (${row.size} bytes).\n`);
    }
  }
  await printResult(globals, rows, COLUMNS);
}
