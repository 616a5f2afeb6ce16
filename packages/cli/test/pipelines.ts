import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small compiled pipeline (KFP IR, as `kfp dsl compile` writes it) with
 * two integer inputs, named `name`: the local cluster ends a run FAILED when
 * the name ends in `-fails` and keeps it RUNNING when it ends in `-hangs`.
 */
export function writePipeline(dir: string, name: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(
    path,
    `# PIPELINE DEFINITION
# Name: ${name}
components:
  comp-add:
    executorLabel: exec-add
    inputDefinitions:
      parameters:
        a: {parameterType: NUMBER_INTEGER}
        b: {parameterType: NUMBER_INTEGER}
deploymentSpec:
  executors:
    exec-add:
      container:
        image: python:3.11
        command: [sh, -c, 'echo $(($0 + $1))']
        args: ['{{$.inputs.parameters[''a'']}}', '{{$.inputs.parameters[''b'']}}']
pipelineInfo:
  name: ${name}
root:
  dag:
    tasks:
      add:
        componentRef: {name: comp-add}
        inputs:
          parameters:
            a: {componentInputParameter: a}
            b: {componentInputParameter: b}
        taskInfo: {name: add}
  inputDefinitions:
    parameters:
      a: {parameterType: NUMBER_INTEGER}
      b: {parameterType: NUMBER_INTEGER}
schemaVersion: 2.1.0
sdkVersion: kfp-2.17.0
`,
  );
  return path;
}
