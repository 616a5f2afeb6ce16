/**
 * A run's `run_details` as the v2beta1 API answers them (run.proto
 * `RunDetails`, filled by api_converter.go `toApiPipelineTaskDetail`): one
 * `PipelineTaskDetail` per started node, child tasks by pod name, inputs and
 * outputs as MLMD artifact ids once the task has published them.
 */
import type { components } from '@ml-platform/kfp-v2';
import { timestamp } from './proto-json.js';
import { mlmdIdsOf, type RunPlan, type TaskAt } from './run-tasks.js';

type PipelineTaskDetail = components['schemas']['v2beta1PipelineTaskDetail'];
type RunDetails = components['schemas']['v2beta1RunDetails'];

export function runDetailsOf(runId: string, plan: RunPlan, tasks: TaskAt[]): RunDetails {
  const ids = mlmdIdsOf(runId);
  const started = new Set(tasks.map(({ index }) => index));
  const artifactList = (ids: number[]) => ({ artifact_ids: ids.map(String) });
  const details: PipelineTaskDetail[] = tasks.map(({ index, task, state, startAt, endAt }) => {
    const children = plan.tasks.flatMap((child, childIndex) =>
      child.parentIndex === index && started.has(childIndex) ? [{ pod_name: child.nodeId }] : [],
    );
    const parent = task.parentIndex === undefined ? undefined : plan.tasks[task.parentIndex];
    const published = state === 'SUCCEEDED';
    return {
      run_id: runId,
      task_id: task.nodeId,
      display_name: task.displayName,
      create_time: timestamp(startAt),
      start_time: timestamp(startAt),
      end_time: endAt === undefined ? undefined : timestamp(endAt),
      state,
      execution_id: String(ids.execution(index)),
      error:
        state === 'FAILED'
          ? { code: 2, message: `task ${task.displayName} failed: the main container exited with code 1` }
          : undefined,
      inputs: Object.fromEntries(
        task.inputs.map((input) => {
          const producer = plan.tasks[input.producer];
          const output = producer?.outputs.findIndex((o) => o.name === input.output) ?? -1;
          return [input.name, artifactList([ids.artifact(input.producer, output)])];
        }),
      ),
      outputs: published
        ? Object.fromEntries(
            task.outputs.map((output, i) => [output.name, artifactList([ids.artifact(index, i)])]),
          )
        : undefined,
      parent_task_id: parent?.nodeId,
      state_history: [
        { state: 'RUNNING', update_time: timestamp(startAt) },
        ...(endAt === undefined ? [] : [{ state, update_time: timestamp(endAt) }]),
      ],
      pod_name: task.podName ?? task.nodeId,
      child_tasks: children,
    } as PipelineTaskDetail;
  });
  return { pipeline_run_context_id: String(ids.context), task_details: details };
}
