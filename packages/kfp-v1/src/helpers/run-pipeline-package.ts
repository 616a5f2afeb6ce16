// kfp 1.8.22's Client.create_run_from_pipeline_package (sdk/python/kfp/_client.py): read the Argo
// Workflow from a .yaml / .zip / .tar.gz (_extract_pipeline_yaml), get or create the experiment
// by name, and send the workflow inline as JSON text (run_pipeline -> _create_job_config:
// json.dumps of the parsed YAML) with the parameters as name/value strings. Checked first, as
// kfp-v2's runPipelinePackage is: the package as a workflow, the parameters against the
// workflow's declared `spec.arguments.parameters`, before any request.
import { invalidOption, optionalText, unwrap } from '@ml-platform/core';
import { defaultRunDisplayName, experimentIdOf, runExperiment } from '@ml-platform/kfp-common';
import type {
  InvalidPipelinePackageError,
  ParameterProblem,
  PipelineSource,
} from '@ml-platform/kfp-pipeline-spec';
import type { KfpV1Client } from '../client.js';
import type { Experiment, RunDetail } from '../schemas.js';
import { getExperiment, getOrCreateExperiment } from './experiments.js';
import { parametersOf } from './pipeline-spec.js';
import { experimentOwner } from './resource-references.js';

/** Options of {@link runPipelinePackage}: the package, its parameters, the run's name and experiment. */
export interface RunPipelinePackageOptions {
  /** A compiled Argo Workflow: a file path (Node: .yaml, .yml, .zip, .tar.gz, .tgz), `{ text, name? }`, a Blob/File, or the parsed object. */
  source: PipelineSource;
  /** Run parameters by name, checked against the workflow's `spec.arguments.parameters`; non-strings are sent as JSON text. */
  parameters?: Record<string, unknown> | undefined;
  /** The run's name. Default: `<workflow name> <YYYY-MM-DD HH-mm-ss>`. */
  displayName?: string | undefined;
  /** The experiment to run in, by id. Not together with `experimentName`. */
  experimentId?: string | undefined;
  /**
   * The experiment to run in, by name, created when missing. Default:
   * `KF_PIPELINES_DEFAULT_EXPERIMENT_NAME`, else `Default`;
   * `KF_PIPELINES_OVERRIDE_EXPERIMENT_NAME` wins over both (with a warning), as in kfp.Client.
   */
  experimentName?: string | undefined;
  description?: string | undefined;
  /** Namespace of the experiment found or created by name; default: the client's. */
  namespace?: string | undefined;
  /** Kubernetes ServiceAccount the run's pods use. */
  serviceAccount?: string | undefined;
  /**
   * Sets every step's `pipelines.kubeflow.org/enable_caching` label, as kfp.Client's
   * `enable_caching` does; left out, the compiled settings stay.
   */
  enableCaching?: boolean | undefined;
  /** Told about the experiment-name override. Default: `console.warn`. */
  onWarning?: ((message: string) => void) | undefined;
  /** Cancels the run creation (and the experiment lookup). */
  signal?: AbortSignal | undefined;
}

/** What {@link runPipelinePackage} resolves to: the created run and the experiment it runs in. */
export interface WorkflowPackageRun {
  /** The run as the server created it. */
  run: RunDetail;
  /** The experiment the run belongs to (found or created). */
  experiment: Experiment;
}

type Workflow = Record<string, unknown> & {
  metadata?: { name?: unknown; generateName?: unknown };
  spec?: { arguments?: { parameters?: unknown }; templates?: unknown };
};

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const CACHING_LABEL = 'pipelines.kubeflow.org/enable_caching';

async function loadWorkflow(source: PipelineSource, signal: AbortSignal | undefined) {
  const { readPackageDocuments, InvalidPipelinePackageError: PackageError } = await import(
    '@ml-platform/kfp-pipeline-spec'
  );
  const { documents, sourceName, entry } = await readPackageDocuments(source, { signal });
  const where = entry ? { sourceName, entry } : sourceName;
  const refuse = (problem: string): InvalidPipelinePackageError => new PackageError(where, problem);
  if (documents.length !== 1) {
    throw refuse(`it holds ${documents.length} YAML documents; a KFP v1 package is one Argo Workflow.`);
  }
  const [workflow] = documents;
  if (isMapping(workflow) && 'pipelineInfo' in workflow) {
    throw refuse(
      'it is a KFP v2 pipeline (it has pipelineInfo): run it with @ml-platform/kfp-v2 runPipelinePackage.',
    );
  }
  if (!isMapping(workflow) || workflow.kind !== 'Workflow' || !isMapping(workflow.spec)) {
    throw refuse(
      'it is not an Argo Workflow (kind: Workflow with a spec), which is what the KFP v1 compiler writes.',
    );
  }
  return { workflow: workflow as Workflow, sourceName };
}

/** The workflow's name: `metadata.name`, else `metadata.generateName` without its trailing dash. */
function workflowName(workflow: Workflow, sourceName: string): string {
  const { name, generateName } = workflow.metadata ?? {};
  if (typeof name === 'string' && name) return name;
  if (typeof generateName === 'string' && generateName) return generateName.replace(/-+$/, '');
  return sourceName;
}

/** Unknown parameters, and declared ones with no value that are not given, as one coded error. */
async function checkParameters(workflow: Workflow, name: string, parameters: Record<string, unknown>) {
  const declaredList = Array.isArray(workflow.spec?.arguments?.parameters)
    ? (workflow.spec.arguments.parameters as unknown[]).filter(isMapping)
    : [];
  const declared = declaredList.map((parameter) => String(parameter.name));
  const problems: ParameterProblem[] = [];
  for (const given of Object.keys(parameters)) {
    if (!declared.includes(given)) problems.push({ kind: 'unknown', name: given, declared });
  }
  for (const parameter of declaredList) {
    if (!('value' in parameter) && !Object.hasOwn(parameters, String(parameter.name))) {
      problems.push({ kind: 'missing', name: String(parameter.name), expectedType: 'string' });
    }
  }
  if (problems.length > 0) {
    const { InvalidParametersError } = await import('@ml-platform/kfp-pipeline-spec');
    throw new InvalidParametersError(name, problems);
  }
}

/** A copy with every template's caching label set, as kfp.Client's _override_caching_options. */
function withCaching(workflow: Workflow, enableCaching: boolean | undefined): Workflow {
  if (enableCaching === undefined) return workflow;
  const copy = structuredClone(workflow);
  const templates = Array.isArray(copy.spec?.templates) ? copy.spec.templates : [];
  for (const template of templates) {
    const labels = isMapping(template) && isMapping(template.metadata) ? template.metadata.labels : undefined;
    if (isMapping(labels) && CACHING_LABEL in labels) labels[CACHING_LABEL] = String(enableCaching);
  }
  return copy;
}

/**
 * Runs a compiled KFP v1 pipeline (an Argo Workflow package: .yaml, .zip or .tar.gz) in one call,
 * as kfp 1.8.22's `create_run_from_pipeline_package` does, but checked first: the package is read
 * with the v2 loader's rules (size, archives, bounded YAML) and must be a Workflow
 * (`KFP_INVALID_PIPELINE_PACKAGE`), the parameters must match its declared arguments
 * (`KFP_INVALID_PARAMETERS`). The workflow goes inline in `POST /apis/v1beta1/runs` as JSON text;
 * nothing is uploaded.
 */
export async function runPipelinePackage(
  client: KfpV1Client,
  options: RunPipelinePackageOptions,
): Promise<WorkflowPackageRun> {
  const experimentId = experimentIdOf(options);
  if (options.enableCaching !== undefined && typeof options.enableCaching !== 'boolean') {
    throw invalidOption('enableCaching must be true or false (or left out to keep the compiled settings).');
  }
  const explicitName = optionalText('displayName', options.displayName, "'nightly 2025-06-01'");
  const serviceAccount = optionalText('serviceAccount', options.serviceAccount, "'pipeline-runner'");
  const { signal } = options;
  const { workflow, sourceName } = await loadWorkflow(options.source, signal);
  const name = workflowName(workflow, sourceName);
  const parameters = parametersOf(options.parameters);
  await checkParameters(workflow, name, options.parameters ?? {});

  const experiment = await runExperiment(client, experimentId, options, {
    getExperiment,
    getOrCreateExperiment,
  });
  const run = unwrap(
    await client.POST('/apis/v1beta1/runs', {
      body: {
        name: explicitName ?? defaultRunDisplayName(name),
        description: options.description,
        service_account: serviceAccount,
        pipeline_spec: {
          workflow_manifest: JSON.stringify(withCaching(workflow, options.enableCaching)),
          parameters,
        },
        resource_references: experiment.id ? [experimentOwner(experiment.id)] : undefined,
      },
      signal,
    }),
  );
  return { run, experiment };
}
