// A small in-memory Kubeflow Pipelines v1beta1 backend, answering as a fetch
// function, for running the README's examples end to end. Each request is
// also sent to a Prism mock of the upstream spec, and any violation of the
// spec in what was sent is recorded. Behaviour copied from the KFP API server:
// experiment names are unique per namespace (409), uploads answer with the
// pipeline and its default version, runs report a v1 `status`, the `filter`
// parameter is URL-decoded twice, empty lists are left out of the JSON.

type Entity = Record<string, unknown>;

export interface FakeKfp {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  violations: string[];
}

export function createFakeKfp(options: { origin: string; basePath: string; prismUrl: string }): FakeKfp {
  const realFetch = globalThis.fetch;
  const violations: string[] = [];
  const experiments: Entity[] = [];
  const pipelines: Entity[] = [];
  const runs: Entity[] = [];
  const jobs: Entity[] = [];
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
    const { method } = request;
    const [collection, id, sub, name] = path.replace(/^\/apis\/v1beta1\//, '').split('/');
    if (method === 'GET' && collection === 'healthz') return json({ multi_user: false });

    if (collection === 'experiments' && id === undefined) {
      if (method === 'GET') return list('experiments', experiments, query);
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
      if (method === 'GET' && id === undefined) return list('runs', runs, query);
      if (method === 'POST' && id === undefined) {
        const body = (await request.json()) as Entity;
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
        const job = { ...((await request.json()) as Entity), id: newId('job'), created_at: now() };
        jobs.push(job);
        return json(job);
      }
      const job = jobs.find((j) => j.id === id);
      if (!job) return error(404, 5, `job ${id} not found`);
      if (sub === 'enable' || sub === 'disable') job.enabled = sub === 'enable';
      return json({});
    }

    return error(404, 5, `the fake KFP does not serve ${method} ${path}`);
  }

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const prefix = `${options.origin}${options.basePath}`;
    if (!request.url.startsWith(prefix)) return realFetch(request);
    const url = new URL(request.url);
    const path = url.pathname.slice(options.basePath.length);
    if (request.headers.get('authorization') === null) return error(401, 16, 'no credentials');
    await validate(request, path, url.search);
    return answer(request, path, url.searchParams);
  };

  return { fetch, violations };
}

function list(key: string, items: Entity[], query: URLSearchParams): Response {
  const encoded = query.get('filter');
  const predicates = encoded
    ? ((
        JSON.parse(decodeURIComponent(encoded)) as {
          predicates?: { op?: string; key?: string; string_value?: string }[];
        }
      ).predicates ?? [])
    : [];
  // Enough of KFP's filter for the examples: EQUALS / IS_SUBSTRING on text keys.
  const matching = items.filter((item) =>
    predicates.every((p) =>
      p.op === 'IS_SUBSTRING'
        ? String(item[p.key ?? '']).includes(p.string_value ?? '')
        : p.op !== 'EQUALS' || item[p.key ?? ''] === p.string_value,
    ),
  );
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

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function error(status: number, code: number, message: string): Response {
  return json({ code, error: message, message, details: [] }, status);
}
