// A small in-memory Kubeflow Pipelines v1beta1 backend, answering as a fetch
// function, for running the README's examples end to end. The test bed sends
// each request to a Prism mock of the upstream spec as well, recording any
// violation, and answers list operations as the API server does (paging, the
// twice-decoded `filter`, empty lists left out). Behaviour copied from the KFP
// API server: experiment names are unique per namespace (409), uploads answer
// with the pipeline and its default version, runs report a v1 `status`.

import {
  createFakeKfpApi,
  type FakeApi,
  json,
  kfpError,
  kfpListResponse,
  sequentialIds,
} from '@ml-platform/testbed/fetch-fakes/index';

type Entity = Record<string, unknown>;

export function createFakeKfp(options: { origin: string; basePath: string; prismUrl: string }): FakeApi {
  const experiments: Entity[] = [];
  const pipelines: Entity[] = [];
  const runs: Entity[] = [];
  const jobs: Entity[] = [];
  const { newId, now } = sequentialIds();

  async function answer(
    request: Request,
    path: string,
    query: URLSearchParams,
  ): Promise<Response | undefined> {
    const { method } = request;
    const [collection, id, sub, name] = path.replace(/^\/apis\/v1beta1\//, '').split('/');
    if (method === 'GET' && collection === 'healthz') return json({ multi_user: false });

    if (collection === 'experiments' && id === undefined) {
      if (method === 'GET') return kfpListResponse('experiments', experiments, query);
      const body = (await request.json()) as Entity;
      if (experiments.some((e) => e.name === body.name))
        return error(409, 6, `experiment ${String(body.name)} exists`);
      const experiment = {
        ...body,
        id: newId('experiment'),
        created_at: now(),
        storage_state: 'STORAGESTATE_AVAILABLE',
      };
      experiments.push(experiment);
      return json(experiment);
    }

    if (collection === 'namespaces' && sub === 'pipelines' && name) {
      const pipeline = pipelines.find((p) => p.name === decodeURIComponent(name));
      return pipeline ? json(pipeline) : error(404, 5, `pipeline ${name} not found`);
    }

    if (collection === 'pipelines' && (id === 'upload' || id === 'upload_version') && method === 'POST') {
      const file = (await request.formData()).get('uploadfile');
      if (!(file instanceof File) || !/\.(ya?ml|json)$/.test(file.name))
        return error(400, 3, 'Unexpected pipeline file format');
      const versionName = query.get('name') || file.name.replace(/\.[^.]+$/, '');
      if (id === 'upload') {
        const pipelineId = newId('pipeline');
        const version = { id: newId('version'), name: versionName, created_at: now() };
        const pipeline = { id: pipelineId, name: versionName, created_at: now(), default_version: version };
        pipelines.push(pipeline);
        return json(pipeline);
      }
      const pipeline = pipelines.find((p) => p.id === query.get('pipelineid'));
      if (!pipeline) return error(404, 5, 'pipeline not found');
      const version = { id: newId('version'), name: versionName, created_at: now() };
      pipeline.default_version = version;
      return json(version);
    }

    if (collection === 'runs') {
      if (method === 'GET' && id === undefined) return kfpListResponse('runs', runs, query);
      if (method === 'POST' && id === undefined) {
        const body = (await request.json()) as Entity;
        const refused = refuseUnparsableManifest(body);
        if (refused) return refused;
        const run = { ...body, id: newId('run'), status: 'Pending', created_at: now() };
        runs.push(run);
        return json({ run, pipeline_runtime: {} });
      }
      const run = runs.find((r) => r.id === id);
      if (!run) return error(404, 5, `run ${id} not found`);
      // Runs in this fake finish by the time anyone looks, so examples with real poll intervals stay quick.
      if (method === 'GET')
        return json({ run: Object.assign(run, { status: 'Succeeded' }), pipeline_runtime: {} });
    }

    if (collection === 'jobs') {
      if (method === 'POST' && id === undefined) {
        const body = (await request.json()) as Entity;
        const refused = refuseUnparsableManifest(body);
        if (refused) return refused;
        const job = { ...body, id: newId('job'), created_at: now() };
        jobs.push(job);
        return json(job);
      }
      const job = jobs.find((j) => j.id === id);
      if (!job) return error(404, 5, `job ${id} not found`);
      if (sub === 'enable' || sub === 'disable') job.enabled = sub === 'enable';
      return json({});
    }

    return undefined;
  }

  return createFakeKfpApi('v1beta1', options, answer);
}

// KFP 1.8.22 backend/src/apiserver/server/util.go, validateWorkflowManifest: the server
// json.Unmarshals `pipeline_spec.workflow_manifest` into an Argo Workflow and answers
// InvalidInput (HTTP 400, gRPC code 3) "Invalid argo workflow format" when it is not JSON (YAML
// text, for one). Prism cannot tell: the spec only says "string".
function refuseUnparsableManifest(body: Entity): Response | undefined {
  const manifest = (body.pipeline_spec as Entity | undefined)?.workflow_manifest;
  if (typeof manifest !== 'string' || manifest === '') return undefined;
  try {
    const workflow = JSON.parse(manifest);
    if (workflow !== null && typeof workflow === 'object' && !Array.isArray(workflow)) return undefined;
  } catch {
    // falls through to the server's answer
  }
  return error(400, 3, 'Invalid argo workflow format. Workflow: <the manifest>');
}

function error(status: number, code: number, message: string): Response {
  return kfpError('v1beta1', status, code, message);
}
