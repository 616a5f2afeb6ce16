// Ten typed calls to each client: what a consumer's type-checker must resolve
// (paths, path/query parameters, request bodies, response types). Reading a
// field of each result forces the response type to be inferred, as real code does.
import type { KfpV1Client } from '@ml-platform/kfp-v1';
import type { KfpV2Client } from '@ml-platform/kfp-v2';
import type { SeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';

export async function tenKfpV1Calls(kfp: KfpV1Client, namespace: string): Promise<unknown[]> {
  const reference = {
    'resource_reference_key.type': 'NAMESPACE',
    'resource_reference_key.id': namespace,
  } as const;
  const experiments = await kfp.GET('/apis/v1beta1/experiments', {
    params: { query: { page_size: 10, ...reference } },
  });
  const experiment = await kfp.POST('/apis/v1beta1/experiments', {
    body: { name: 'bench', description: 'typed' },
  });
  const id = experiment.data?.id ?? '';
  const one = await kfp.GET('/apis/v1beta1/experiments/{id}', { params: { path: { id } } });
  const archived = await kfp.POST('/apis/v1beta1/experiments/{id}:archive', { params: { path: { id } } });
  const runs = await kfp.GET('/apis/v1beta1/runs', {
    params: { query: { sort_by: 'created_at desc', ...reference } },
  });
  const run = await kfp.POST('/apis/v1beta1/runs', {
    body: { name: 'bench-run', pipeline_spec: { parameters: [{ name: 'epochs', value: '3' }] } },
  });
  const runId = run.data?.run?.id ?? '';
  const detail = await kfp.GET('/apis/v1beta1/runs/{run_id}', { params: { path: { run_id: runId } } });
  const terminated = await kfp.POST('/apis/v1beta1/runs/{run_id}/terminate', {
    params: { path: { run_id: runId } },
  });
  const pipelines = await kfp.GET('/apis/v1beta1/pipelines', { params: { query: { page_token: '' } } });
  const healthz = await kfp.GET('/apis/v1beta1/healthz');
  return [
    experiments.data?.experiments?.[0]?.name,
    one.data?.created_at,
    archived.error,
    runs.data?.next_page_token,
    detail.data?.pipeline_runtime?.workflow_manifest,
    terminated.response.status,
    pipelines.data?.pipelines?.length,
    healthz.data?.multi_user,
  ];
}

export async function tenKfpV2Calls(kfp: KfpV2Client, namespace: string): Promise<unknown[]> {
  const experiments = await kfp.GET('/apis/v2beta1/experiments', {
    params: { query: { namespace, page_size: 10 } },
  });
  const experiment = await kfp.POST('/apis/v2beta1/experiments', {
    body: { display_name: 'bench', namespace },
  });
  const experimentId = experiment.data?.experiment_id ?? '';
  const one = await kfp.GET('/apis/v2beta1/experiments/{experiment_id}', {
    params: { path: { experiment_id: experimentId } },
  });
  const pipelines = await kfp.GET('/apis/v2beta1/pipelines', { params: { query: { namespace } } });
  const pipelineId = pipelines.data?.pipelines?.[0]?.pipeline_id ?? '';
  const versions = await kfp.GET('/apis/v2beta1/pipelines/{pipeline_id}/versions', {
    params: { path: { pipeline_id: pipelineId }, query: { sort_by: 'created_at desc' } },
  });
  const run = await kfp.POST('/apis/v2beta1/runs', {
    body: {
      display_name: 'bench-run',
      experiment_id: experimentId,
      pipeline_version_reference: { pipeline_id: pipelineId },
      runtime_config: { parameters: { epochs: 3 } },
    },
  });
  const runId = run.data?.run_id ?? '';
  const detail = await kfp.GET('/apis/v2beta1/runs/{run_id}', { params: { path: { run_id: runId } } });
  const archived = await kfp.POST('/apis/v2beta1/runs/{run_id}:archive', {
    params: { path: { run_id: runId } },
  });
  const recurring = await kfp.GET('/apis/v2beta1/recurringruns', { params: { query: { namespace } } });
  const healthz = await kfp.GET('/apis/v2beta1/healthz');
  return [
    experiments.data?.experiments?.[0]?.display_name,
    one.data?.storage_state,
    versions.data?.pipeline_versions?.[0]?.pipeline_version_id,
    detail.data?.state,
    archived.response.ok,
    recurring.data?.recurringRuns?.length,
    healthz.data?.multi_user,
  ];
}

export async function tenSeldonDeployCalls(
  seldon: SeldonDeployClient,
  namespace: string,
): Promise<unknown[]> {
  const inNamespace = { params: { path: { namespace } } };
  const named = (name: string) => ({ params: { path: { namespace, name } } });
  const health = await seldon.GET('/healthcheck');
  const cluster = await seldon.GET('/cluster');
  const deployments = await seldon.GET('/namespaces/{namespace}/seldondeployments', inNamespace);
  const name = deployments.data?.items?.[0]?.metadata?.name ?? 'model';
  const deployment = await seldon.GET('/namespaces/{namespace}/seldondeployments/{name}', named(name));
  const pipelines = await seldon.GET('/namespaces/{namespace}/pipelines', inNamespace);
  const pipeline = await seldon.GET('/namespaces/{namespace}/pipelines/{name}', named(name));
  const diffs = await seldon.GET('/namespaces/{namespace}/gitdiffs', {
    params: { path: { namespace }, query: { hashes: ['abc123'] } },
  });
  const gitops = await seldon.GET('/namespaces/{namespace}/gitops-status', inNamespace);
  const batchJobs = await seldon.GET(
    '/namespaces/{namespace}/seldondeployments/{name}/batchjobs',
    named(name),
  );
  const gitlogs = await seldon.GET('/namespaces/{namespace}/seldondeployments/{name}/gitlogs', named(name));
  return [
    health.response.ok,
    cluster.data,
    deployment.data?.spec?.predictors?.length,
    pipelines.data,
    pipeline.data,
    diffs.data,
    gitops.data,
    batchJobs.data,
    gitlogs.data,
  ];
}
