// A small in-memory Kubeflow Pipelines v2beta1 backend, answering as a fetch
// function, for running the README's examples end to end. The test bed sends
// each request to a Prism mock of the upstream spec as well, recording any
// violation, and answers list operations as the API server does (paging, the
// twice-decoded `filter`, empty lists left out). Behaviour copied from the KFP
// API server: names are unique per namespace (409 otherwise), upload names
// default to the file name, runs report `state`.
import {
  createFakeKfpApi,
  type FakeApi,
  json,
  kfpError,
  kfpListResponse,
  sequentialIds,
} from '@ml-platform/testbed/fetch-fakes/index';

interface Entity {
  [key: string]: unknown;
}

export function createFakeKfp(options: { origin: string; basePath: string; prismUrl: string }): FakeApi {
  const experiments: Entity[] = [];
  const pipelines: Entity[] = [];
  const versions: Entity[] = [];
  const runs: Entity[] = [];
  const recurringRuns: Entity[] = [];
  const { newId, now } = sequentialIds();

  async function answer(
    request: Request,
    path: string,
    query: URLSearchParams,
  ): Promise<Response | undefined> {
    const method = request.method;
    const segments = path.replace(/^\/apis\/v2beta1\//, '').split('/');
    const [collection, id, sub, subId] = segments;
    const namespace = query.get('namespace') ?? '';

    if (method === 'GET' && path === '/apis/v2beta1/healthz')
      return json({ multi_user: true, pipeline_store: 'database' });

    if (collection === 'experiments') {
      if (method === 'GET' && id === undefined) {
        return kfpListResponse(
          'experiments',
          experiments.filter((e) => !namespace || e.namespace === namespace),
          query,
        );
      }
      if (method === 'POST' && id === undefined) {
        const body = (await request.json()) as Entity;
        if (
          experiments.some(
            (e) => e.display_name === body.display_name && e.namespace === (body.namespace ?? ''),
          )
        ) {
          return error(409, 6, `experiment ${String(body.display_name)} already exists`);
        }
        const experiment = {
          ...body,
          namespace: body.namespace ?? '',
          experiment_id: newId('experiment'),
          created_at: now(),
          storage_state: 'AVAILABLE',
        };
        experiments.push(experiment);
        return json(experiment);
      }
      const [experimentId, action] = (id ?? '').split(':');
      const experiment = experiments.find((e) => e.experiment_id === experimentId);
      if (!experiment) return error(404, 5, `experiment ${experimentId} not found`);
      if (method === 'POST' && action === 'archive') experiment.storage_state = 'ARCHIVED';
      if (method === 'POST' && action === 'unarchive') experiment.storage_state = 'AVAILABLE';
      if (method === 'DELETE') experiments.splice(experiments.indexOf(experiment), 1);
      return json(method === 'GET' ? experiment : {});
    }

    if (collection === 'pipelines') {
      if (method === 'GET' && id === 'names' && sub) {
        const pipeline = pipelines.find(
          (p) => p.name === decodeURIComponent(sub) && p.namespace === namespace,
        );
        return pipeline ? json(pipeline) : error(404, 5, `pipeline ${sub} not found`);
      }
      if (method === 'POST' && (id === 'upload' || id === 'upload_version')) {
        const file = (await request.formData()).get('uploadfile');
        if (!(file instanceof File) || !/\.(ya?ml|json)$/.test(file.name)) {
          return error(400, 3, 'Unexpected pipeline file format. Support .zip, .tar.gz, .json or YAML');
        }
        const name = query.get('name') || file.name.replace(/\.[^.]+$/, '');
        const description = query.get('description') ?? undefined;
        if (id === 'upload') {
          if (pipelines.some((p) => p.name === name && p.namespace === namespace)) {
            return error(409, 6, `pipeline ${name} already exists`);
          }
          const pipeline = {
            pipeline_id: newId('pipeline'),
            name,
            display_name: query.get('display_name') || name,
            description,
            namespace,
            created_at: now(),
          };
          pipelines.push(pipeline);
          versions.push({
            pipeline_id: pipeline.pipeline_id,
            pipeline_version_id: newId('version'),
            name,
            created_at: now(),
          });
          return json(pipeline);
        }
        const pipelineId = query.get('pipelineid');
        if (!pipelines.some((p) => p.pipeline_id === pipelineId))
          return error(404, 5, `pipeline ${pipelineId} not found`);
        if (versions.some((v) => v.pipeline_id === pipelineId && v.name === name)) {
          return error(409, 6, `pipeline version ${name} already exists`);
        }
        const version = {
          pipeline_id: pipelineId,
          pipeline_version_id: newId('version'),
          name,
          display_name: query.get('display_name') || name,
          description,
          created_at: now(),
        };
        versions.push(version);
        return json(version);
      }
      if (method === 'GET' && id && sub === 'versions' && subId === undefined) {
        const own = versions.filter((v) => v.pipeline_id === id);
        if (query.get('sort_by') === 'created_at desc') own.reverse();
        return kfpListResponse('pipeline_versions', own, query);
      }
      if (method === 'GET' && id === undefined) return kfpListResponse('pipelines', pipelines, query);
    }

    if (collection === 'runs') {
      if (method === 'GET' && id === undefined) {
        return kfpListResponse(
          'runs',
          runs.filter((r) => !namespace || r.namespace === namespace),
          query,
        );
      }
      if (method === 'POST' && id === undefined) {
        const body = (await request.json()) as Entity;
        if (!body.display_name) return error(400, 3, 'run display_name is required');
        const experiment = experiments.find((e) => e.experiment_id === body.experiment_id);
        const run = {
          ...body,
          run_id: newId('run'),
          namespace: experiment?.namespace ?? '',
          state: 'PENDING',
          created_at: now(),
          storage_state: 'AVAILABLE',
        };
        runs.push(run);
        return json(run);
      }
      const [runId, action] = (id ?? '').split(':');
      const run = runs.find((r) => r.run_id === runId);
      if (!run) return error(404, 5, `run ${runId} not found`);
      if (method === 'GET') {
        // Runs in this fake finish by the time anyone looks, so examples with real poll intervals stay quick.
        if (run.state === 'PENDING' || run.state === 'RUNNING')
          Object.assign(run, { state: 'SUCCEEDED', finished_at: now() });
        return json(run);
      }
      if (action === 'terminate') run.state = 'CANCELED';
      if (action === 'archive') run.storage_state = 'ARCHIVED';
      if (action === 'unarchive') run.storage_state = 'AVAILABLE';
      if (method === 'DELETE') runs.splice(runs.indexOf(run), 1);
      return json({});
    }

    if (collection === 'recurringruns') {
      if (method === 'POST' && id === undefined) {
        const body = (await request.json()) as Entity;
        const recurringRun = {
          ...body,
          recurring_run_id: newId('recurring'),
          status: body.mode === 'DISABLE' ? 'DISABLED' : 'ENABLED',
          created_at: now(),
        };
        recurringRuns.push(recurringRun);
        return json(recurringRun);
      }
      if (method === 'GET' && id === undefined) return kfpListResponse('recurringRuns', recurringRuns, query);
      const [recurringRunId, action] = (id ?? '').split(':');
      const recurringRun = recurringRuns.find((r) => r.recurring_run_id === recurringRunId);
      if (!recurringRun) return error(404, 5, `recurring run ${recurringRunId} not found`);
      if (action === 'enable') recurringRun.status = 'ENABLED';
      if (action === 'disable') recurringRun.status = 'DISABLED';
      return json(method === 'GET' ? recurringRun : {});
    }

    return undefined;
  }

  return createFakeKfpApi('v2beta1', options, answer);
}

function error(status: number, code: number, message: string): Response {
  return kfpError('v2beta1', status, code, message);
}
