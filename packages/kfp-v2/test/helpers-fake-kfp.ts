// A small in-memory Kubeflow Pipelines v2beta1 backend, answering as a fetch
// function, for running the README's examples end to end. Each request is
// also sent to a Prism mock of the upstream spec, and any violation of the
// spec in what was sent is recorded. Behaviour copied from the KFP API server:
// names are unique per namespace (409 otherwise), the `filter` parameter is
// URL-decoded twice (list_request_util.go), empty lists are left out of the
// JSON, upload names default to the file name, runs report `state`.

interface Entity {
  [key: string]: unknown;
}

interface Predicate {
  operation?: string;
  key?: string;
  string_value?: string;
  int_value?: number;
  long_value?: string;
  timestamp_value?: string;
  string_values?: { values?: string[] };
  int_values?: { values?: number[] };
}

export interface FakeKfp {
  /** Answers requests to `origin` + `basePath`; anything else goes to the real fetch. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Violations of the spec Prism found in requests, as `METHOD path: message`. */
  violations: string[];
}

export function createFakeKfp(options: { origin: string; basePath: string; prismUrl: string }): FakeKfp {
  const realFetch = globalThis.fetch;
  const violations: string[] = [];
  const experiments: Entity[] = [];
  const pipelines: Entity[] = [];
  const versions: Entity[] = [];
  const runs: Entity[] = [];
  const recurringRuns: Entity[] = [];
  let sequence = 0;
  const newId = (kind: string) => {
    sequence += 1;
    return `${kind}-${sequence}`;
  };
  const now = () => new Date(Date.UTC(2025, 5, 1) + sequence * 1000).toISOString();

  async function validate(request: Request, path: string, search: string): Promise<void> {
    const response = await realFetch(`${options.prismUrl}${path}${search}`, {
      method: request.method,
      headers: request.headers,
      body: request.body === null ? undefined : await request.clone().arrayBuffer(),
    });
    await response.arrayBuffer();
    const found = JSON.parse(response.headers.get('sl-violations') ?? '[]') as {
      location: string[];
      message: string;
    }[];
    for (const violation of found) {
      if (violation.location[0] === 'request')
        violations.push(`${request.method} ${path}: ${violation.message}`);
    }
  }

  async function answer(request: Request, path: string, query: URLSearchParams): Promise<Response> {
    const method = request.method;
    const segments = path.replace(/^\/apis\/v2beta1\//, '').split('/');
    const [collection, id, sub, subId] = segments;
    const namespace = query.get('namespace') ?? '';

    if (method === 'GET' && path === '/apis/v2beta1/healthz')
      return json({ multi_user: true, pipeline_store: 'database' });

    if (collection === 'experiments') {
      if (method === 'GET' && id === undefined) {
        return list(
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
        return list('pipeline_versions', own, query);
      }
      if (method === 'GET' && id === undefined) return list('pipelines', pipelines, query);
    }

    if (collection === 'runs') {
      if (method === 'GET' && id === undefined) {
        return list(
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
      if (method === 'GET' && id === undefined) return list('recurringRuns', recurringRuns, query);
      const [recurringRunId, action] = (id ?? '').split(':');
      const recurringRun = recurringRuns.find((r) => r.recurring_run_id === recurringRunId);
      if (!recurringRun) return error(404, 5, `recurring run ${recurringRunId} not found`);
      if (action === 'enable') recurringRun.status = 'ENABLED';
      if (action === 'disable') recurringRun.status = 'DISABLED';
      return json(method === 'GET' ? recurringRun : {});
    }

    return error(404, 5, `the fake KFP does not serve ${method} ${path}`);
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const prefix = `${options.origin}${options.basePath}`;
    if (!request.url.startsWith(prefix)) return realFetch(request);
    const path = url.pathname.slice(options.basePath.length);
    if (request.headers.get('authorization') === null) return error(401, 16, 'no credentials');
    await validate(request, path, url.search);
    return answer(request, path, url.searchParams);
  };

  return { fetch, violations };
}

function list(key: string, items: Entity[], query: URLSearchParams): Response {
  const matching = items.filter((item) => matchesFilter(item, query.get('filter')));
  const size = Number(query.get('page_size') ?? 20) || 20;
  const start = Number(query.get('page_token') ?? 0);
  const page = matching.slice(start, start + size);
  const next = start + size < matching.length ? String(start + size) : undefined;
  return json({
    ...(page.length ? { [key]: page } : {}),
    total_size: matching.length,
    ...(next ? { next_page_token: next } : {}),
  });
}

function matchesFilter(item: Entity, encoded: string | null): boolean {
  if (!encoded) return true;
  // The gateway already decoded the query once; the API server decodes the filter once more.
  const { predicates = [] } = JSON.parse(decodeURIComponent(encoded)) as { predicates?: Predicate[] };
  return predicates.every((predicate) => matches(item[predicate.key ?? ''], predicate));
}

function matches(actual: unknown, predicate: Predicate): boolean {
  const timestamp =
    predicate.timestamp_value === undefined ? undefined : Date.parse(predicate.timestamp_value);
  const left = timestamp !== undefined && typeof actual === 'string' ? Date.parse(actual) : actual;
  const right = timestamp ?? predicate.string_value ?? predicate.int_value ?? predicate.long_value;
  switch (predicate.operation) {
    case 'EQUALS':
      return left === right;
    case 'NOT_EQUALS':
      return left !== right;
    case 'GREATER_THAN':
      return (left as number) > (right as number);
    case 'GREATER_THAN_EQUALS':
      return (left as number) >= (right as number);
    case 'LESS_THAN':
      return (left as number) < (right as number);
    case 'LESS_THAN_EQUALS':
      return (left as number) <= (right as number);
    case 'IN':
      return [...(predicate.string_values?.values ?? []), ...(predicate.int_values?.values ?? [])].includes(
        left as never,
      );
    case 'IS_SUBSTRING':
      return typeof left === 'string' && left.includes(predicate.string_value ?? '');
    default:
      return false;
  }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function error(status: number, code: number, message: string): Response {
  return json({ code, message, details: [] }, status);
}
