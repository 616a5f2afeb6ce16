// A small in-memory Seldon Deploy, answering as a fetch function, for running
// the README's examples end to end. The test bed sends each request to a
// Prism mock of the upstream spec as well (at its root: Prism ignores the base
// path), recording any violation. Behaviour copied from Seldon Core's
// controller as Seldon Deploy reports it: a new or changed deployment is
// `Creating` with a new `metadata.generation`, then `Available` once the
// controller has observed that generation.

import { createSpecCheckedFake, type FakeApi, json } from '@ml-platform/testbed/fetch-fakes/index';

type Deployment = {
  metadata?: { name?: string; namespace?: string; generation?: number; [key: string]: unknown };
  status?: Record<string, unknown>;
  [key: string]: unknown;
};

export function createFakeSeldon(options: { origin: string; basePath: string; prismUrl: string }): FakeApi {
  const deployments = new Map<string, Deployment>();

  async function answer(request: Request, path: string): Promise<Response> {
    const [, , namespace, collection, name, action] = path.split('/').map(decodeURIComponent);
    if (collection !== 'seldondeployments' || !namespace)
      return error(404, `the fake does not serve ${path}`);
    const key = `${namespace}/${name}`;
    if (name === undefined) {
      if (request.method === 'GET') {
        const items = [...deployments.values()].filter((d) => d.metadata?.namespace === namespace);
        return json({ apiVersion: 'v1', kind: 'SeldonDeploymentList', items });
      }
      const body = (await request.json()) as Deployment;
      const id = `${namespace}/${body.metadata?.name}`;
      if (deployments.has(id)) return error(400, `seldondeployment ${id} already exists`);
      const created = {
        ...body,
        metadata: { ...body.metadata, generation: 1 },
        status: { state: 'Creating' },
      };
      deployments.set(id, created);
      return json(created);
    }
    const current = deployments.get(key);
    if (!current) return error(404, `seldondeployment ${key} not found`);
    if (action === 'predict')
      return json({ data: { names: ['t:0', 't:1', 't:2'], ndarray: [[0.9, 0.06, 0.04]] }, meta: {} });
    if (request.method === 'GET') {
      // The controller catches up between two looks.
      if (current.status?.state === 'Creating') {
        current.status = { state: 'Available', observedGeneration: current.metadata?.generation };
      }
      return json(current);
    }
    if (request.method === 'PUT') {
      const body = (await request.json()) as Deployment;
      const generation = (current.metadata?.generation ?? 1) + 1;
      const updated = {
        ...body,
        metadata: { ...body.metadata, generation },
        status: { ...current.status, state: 'Creating' },
      };
      deployments.set(key, updated);
      return json(updated);
    }
    if (request.method === 'DELETE') {
      deployments.delete(key);
      return new Response(null, { status: 200 });
    }
    return error(405, `${request.method} is not allowed here`);
  }

  return createSpecCheckedFake({
    ...options,
    answer,
    unauthorized: () => error(401, 'no credentials'),
  });
}

function error(status: number, message: string): Response {
  return json({ code: status, message, requestId: 'fake-request' }, status);
}
