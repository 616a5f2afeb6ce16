/**
 * What KFP v2's driver and launcher record in ML Metadata for a run
 * (backend/src/v2/metadata/client.go), derived from the emulated workflow at
 * this moment: a `system.PipelineRun` context named by the run id; per task
 * an execution (`system.ContainerExecution` or `system.DAGExecution`) with
 * the custom properties `display_name`, `task_name`, `pod_name`,
 * `namespace`, `parent_dag_id`, `iteration_index` / `iteration_count`; INPUT
 * and OUTPUT events whose path is the artifact's name (`eventPath`); and the
 * output artifacts a finished task published, their metadata as custom
 * properties (converter.go `StructValueToMLMDValue`: numbers as doubles, a
 * list as `{list: [...]}`, a struct as `{struct: {...}}`).
 */
import { create } from '@bufbuild/protobuf';
import {
  type Artifact,
  Artifact_State,
  ArtifactSchema,
  type Context,
  ContextSchema,
  type Event,
  Event_Type,
  EventSchema,
  type Execution,
  Execution_State,
  ExecutionSchema,
  type Value,
  ValueSchema,
} from '@ml-platform/kfp-metadata';
import type { RunWorkflow } from '../kfp-state/kfp-emulator.js';
import { type EmulatedArtifactKind, mlmdIdsOf, type TaskAt } from '../kfp-state/run-tasks.js';
import { ARTIFACT_BUCKET } from './artifact-contents.js';

/** The artifact types MLMD knows, by id (KFP registers them on first use; fixed ids here). */
export const ARTIFACT_TYPE_IDS: Record<EmulatedArtifactKind, bigint> = {
  'system.Dataset': 14n,
  'system.Model': 15n,
  'system.Metrics': 16n,
  'system.ClassificationMetrics': 17n,
  'system.Markdown': 18n,
};
const CONTAINER_EXECUTION_TYPE_ID = 11n;
const DAG_EXECUTION_TYPE_ID = 12n;
const PIPELINE_RUN_CONTEXT_TYPE_ID = 10n;

export interface RunRecords {
  context: Context;
  executions: Execution[];
  events: Event[];
  artifacts: Artifact[];
}

const value = (v: Value['value']) => create(ValueSchema, { value: v });
const str = (s: string) => value({ case: 'stringValue', value: s });
const int = (n: number) => value({ case: 'intValue', value: BigInt(n) });
const dbl = (n: number) => value({ case: 'doubleValue', value: n });

/** The gs/s3/minio URI of a task's output, as the launcher builds it. */
export function outputUri(workflow: RunWorkflow, task: TaskAt, outputName: string): string {
  const ids = mlmdIdsOf(workflow.runId);
  return (
    `minio://${ARTIFACT_BUCKET}/v2/artifacts/${workflow.plan.workflowName}/${workflow.runId}/` +
    `${task.task.taskName}/${ids.execution(task.index)}/${outputName}`
  );
}

/** The metadata KFP's SDK writes for each output (dsl Metrics.log_metric, ClassificationMetrics.log_confusion_matrix / log_roc_curve). */
function metadataOf(kind: EmulatedArtifactKind, task: TaskAt): Record<string, Value> {
  const i = task.task.iterationIndex ?? 0;
  switch (kind) {
    case 'system.Metrics':
      return task.task.taskName === 'train'
        ? { accuracy: dbl(0.8 + i / 100), loss: dbl(0.5 - i / 100) }
        : { accuracy: dbl(0.91), f1: dbl(0.88) };
    case 'system.ClassificationMetrics':
      return {
        confusionMatrix: value({
          case: 'structValue',
          value: {
            struct: {
              annotationSpecs: [{ displayName: 'cat' }, { displayName: 'dog' }],
              rows: [{ row: [40, 5] }, { row: [3, 52] }],
            },
          },
        }),
        confidenceMetrics: value({
          case: 'structValue',
          value: {
            list: [
              { confidenceThreshold: 0.9, recall: 0.5, falsePositiveRate: 0.02 },
              { confidenceThreshold: 0.5, recall: 0.9, falsePositiveRate: 0.1 },
            ],
          },
        }),
      };
    case 'system.Dataset':
      return { num_rows: dbl(2) };
    default:
      return {};
  }
}

const EXECUTION_STATE = {
  RUNNING: Execution_State.RUNNING,
  SUCCEEDED: Execution_State.COMPLETE,
  FAILED: Execution_State.FAILED,
  CANCELED: Execution_State.CANCELED,
} as const;

/** Everything MLMD holds for one run now. */
export function runRecords(workflow: RunWorkflow): RunRecords {
  const ids = mlmdIdsOf(workflow.runId);
  const byIndex = new Map(workflow.tasks.map((task) => [task.index, task]));
  const context = create(ContextSchema, {
    id: BigInt(ids.context),
    name: workflow.runId,
    typeId: PIPELINE_RUN_CONTEXT_TYPE_ID,
    type: 'system.PipelineRun',
    customProperties: {
      namespace: str(workflow.namespace),
      resource_name: str(workflow.plan.workflowName),
      pipeline_root: str(
        `minio://${ARTIFACT_BUCKET}/v2/artifacts/${workflow.plan.workflowName}/${workflow.runId}`,
      ),
    },
  });
  const executions: Execution[] = [];
  const events: Event[] = [];
  const artifacts: Artifact[] = [];
  for (const task of workflow.tasks) {
    const planned = task.task;
    const parent = planned.parentIndex === undefined ? undefined : ids.execution(planned.parentIndex);
    const iterations = workflow.plan.tasks.filter(
      (other) => other.parentIndex === task.index && other.iterationIndex !== undefined,
    ).length;
    executions.push(
      create(ExecutionSchema, {
        id: BigInt(ids.execution(task.index)),
        typeId: planned.kind === 'dag' ? DAG_EXECUTION_TYPE_ID : CONTAINER_EXECUTION_TYPE_ID,
        type: planned.kind === 'dag' ? 'system.DAGExecution' : 'system.ContainerExecution',
        lastKnownState: EXECUTION_STATE[task.state],
        createTimeSinceEpoch: BigInt(task.startAt),
        lastUpdateTimeSinceEpoch: BigInt(task.endAt ?? task.startAt),
        customProperties: {
          display_name: str(planned.displayName),
          task_name: str(planned.taskName),
          namespace: str(workflow.namespace),
          ...(planned.podName ? { pod_name: str(planned.podName), image: str('python:3.11') } : {}),
          ...(parent === undefined ? {} : { parent_dag_id: int(parent) }),
          ...(planned.iterationIndex !== undefined && planned.kind === 'dag'
            ? { iteration_index: int(planned.iterationIndex) }
            : {}),
          ...(iterations ? { iteration_count: int(iterations) } : {}),
        },
      }),
    );
    for (const input of planned.inputs) {
      const producer = byIndex.get(input.producer);
      const output = producer?.task.outputs.findIndex((o) => o.name === input.output) ?? -1;
      if (producer?.state !== 'SUCCEEDED' || output < 0) continue;
      events.push(
        eventOf(
          ids.artifact(input.producer, output),
          ids.execution(task.index),
          Event_Type.INPUT,
          input.name,
          task.startAt,
        ),
      );
    }
    if (task.state !== 'SUCCEEDED') continue;
    planned.outputs.forEach((output, outputIndex) => {
      const artifactId = ids.artifact(task.index, outputIndex);
      events.push(
        eventOf(
          artifactId,
          ids.execution(task.index),
          Event_Type.OUTPUT,
          output.name,
          task.endAt ?? task.startAt,
        ),
      );
      artifacts.push(
        create(ArtifactSchema, {
          id: BigInt(artifactId),
          typeId: ARTIFACT_TYPE_IDS[output.kind],
          uri: outputUri(workflow, task, output.name),
          state: Artifact_State.LIVE,
          createTimeSinceEpoch: BigInt(task.endAt ?? task.startAt),
          lastUpdateTimeSinceEpoch: BigInt(task.endAt ?? task.startAt),
          customProperties: { display_name: str(output.name), ...metadataOf(output.kind, task) },
        }),
      );
    });
  }
  return { context, executions, events, artifacts };
}

function eventOf(artifactId: number, executionId: number, type: Event_Type, name: string, at: number): Event {
  return create(EventSchema, {
    artifactId: BigInt(artifactId),
    executionId: BigInt(executionId),
    type,
    path: { steps: [{ value: { case: 'key', value: name } }] },
    millisecondsSinceEpoch: BigInt(at),
  });
}
