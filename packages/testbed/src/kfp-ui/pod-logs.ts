/**
 * The KFP UI server's `GET /k8s/pod/logs` (frontend/server/handlers/pod-logs.ts):
 * `podname` is required (400), in multi-user mode so is `podnamespace`
 * (422), and the caller must be allowed to view that namespace (403,
 * `Access denied to namespace`). The log comes from the Kubernetes API while
 * the pod exists and from the archive once it is gone: the same body either
 * way. A pod found in neither answers 404 `pod not found`.
 *
 * The lines are the test bed's: each container task prints a few, one every
 * tenth of its running time, so a reader that polls sees them arrive; a
 * failing task ends with a Python traceback.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KfpEmulator } from '../kfp-state/kfp-emulator.js';
import type { TaskAt } from '../kfp-state/run-tasks.js';

export interface PodLogOptions {
  /** Pad every `prepare-data` log with this many bytes of numbered lines (to test streaming). */
  padBytes?: number;
}

/** The lines a task prints over its life; how many are out by `now`. */
function scriptOf(task: TaskAt): string[] {
  const { taskName, iterationIndex } = task.task;
  const lines = [
    `I launcher: executing ${taskName}${iterationIndex === undefined ? '' : ` (iteration ${iterationIndex})`}`,
  ];
  if (taskName === 'train') {
    for (let epoch = 1; epoch <= 3; epoch++)
      lines.push(`epoch ${epoch}/3 accuracy=${(0.7 + epoch / 30).toFixed(3)}`);
  } else if (taskName === 'evaluate') {
    lines.push('loading models', 'scoring the validation set');
  } else {
    lines.push('reading the raw data', 'wrote 2 rows');
  }
  if (task.state === 'FAILED') {
    lines.push(
      'Traceback (most recent call last):',
      '  File "/tmp/evaluate.py", line 12, in <module>',
      'ValueError: the validation set has no rows with a label',
    );
  } else {
    lines.push(`I launcher: ${taskName} done`);
  }
  return lines;
}

function linesOutAt(task: TaskAt, now: number): string[] {
  const script = scriptOf(task);
  if (task.endAt !== undefined && now >= task.endAt) return script;
  // While running, one line per elapsed tenth of a second-ish step, never the last (the task has not ended).
  const elapsed = Math.max(0, now - task.startAt);
  return script.slice(0, Math.min(script.length - 1, 1 + Math.floor(elapsed / 100)));
}

export function podLogsHandler(emulator: KfpEmulator, options: PodLogOptions = {}) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const podName = url.searchParams.get('podname');
    if (!podName) {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end('podname argument is required');
      return;
    }
    const podNamespace = url.searchParams.get('podnamespace') || undefined;
    if (emulator.multiUser && !podNamespace) {
      res
        .writeHead(422, { 'content-type': 'text/html; charset=utf-8' })
        .end('podnamespace argument is required');
      return;
    }
    const user = (req.headers['kubeflow-userid'] as string | undefined) ?? undefined;
    if (podNamespace && !emulator.mayView(user, podNamespace)) {
      res.writeHead(403, { 'content-type': 'text/html; charset=utf-8' }).end('Access denied to namespace');
      return;
    }
    for (const runId of emulator.runIds()) {
      const workflow = emulator.workflowOf(runId);
      const task = workflow?.tasks.find((candidate) => candidate.task.podName === podName);
      if (!workflow || !task || (podNamespace && workflow.namespace && workflow.namespace !== podNamespace))
        continue;
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      const lines = linesOutAt(task, workflow.now);
      const [first = '', ...rest] = lines;
      res.write(`${first}\n`);
      if (task.task.taskName === 'prepare-data' && options.padBytes)
        writePadding(res, options.padBytes, () => res.end(rest.map((line) => `${line}\n`).join('')));
      else res.end(rest.map((line) => `${line}\n`).join(''));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('pod not found');
  };
}

/** Writes `bytes` of numbered lines, honouring backpressure, then calls `done`. */
function writePadding(res: ServerResponse, bytes: number, done: () => void): void {
  let written = 0;
  let line = 0;
  const pump = () => {
    while (written < bytes) {
      let chunk = '';
      while (chunk.length < 64 * 1024 && written + chunk.length < bytes) chunk += `processed row ${line++}\n`;
      written += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    done();
  };
  pump();
}
