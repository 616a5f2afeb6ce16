import { type Run, type RunTask, taskTreeOf } from '@ml-platform/kfp-v2';
import { formatDuration } from './run-progress.js';

function durationOf(task: RunTask, now: number): string {
  if (!task.startedAt) return '';
  const end = task.finishedAt?.getTime() ?? now;
  return formatDuration(Math.max(0, end - task.startedAt.getTime()));
}

/**
 * A run's tasks as an indented tree, one line each with its state and
 * duration, as `argo watch` draws a workflow: loops and their iterations
 * nested, the root DAG (named after the workflow) left out.
 */
export function taskTreeLines(run: Run, now = Date.now()): string[] {
  const { roots } = taskTreeOf(run);
  // The root DAG stands for the run itself, whose line is already printed.
  const top = roots.length === 1 && roots[0]?.children.length ? roots[0].children : roots;
  const lines: string[] = [];
  const visit = (task: RunTask, prefix: string, last: boolean) => {
    const branch = `${prefix}${last ? '└─ ' : '├─ '}`;
    const label = `${branch}${task.displayName}`;
    lines.push(`  ${label.padEnd(40)} ${task.state.padEnd(10)} ${durationOf(task, now)}`.trimEnd());
    task.children.forEach((child, index) => {
      visit(child, `${prefix}${last ? '   ' : '│  '}`, index === task.children.length - 1);
    });
  };
  top.forEach((task, index) => {
    visit(task, '', index === top.length - 1);
  });
  return lines;
}
