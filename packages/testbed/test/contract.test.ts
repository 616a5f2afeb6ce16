/**
 * Contract tests: every operation of the three APIs, called once through its
 * typed client with the smallest valid request derived from the spec, must be
 * accepted by Prism, which validates path, parameters, body and security
 * against the upstream document. Prism's own bugs are listed below, each with
 * the reason, and asserted exactly so a fixed Prism shows up as a failure here.
 */
import { readFileSync } from 'node:fs';
import { staticTokenAuth } from '@ml-platform/core';
import { createKfpV1Client } from '@ml-platform/kfp-v1';
import { createKfpV2Client } from '@ml-platform/kfp-v2';
import { createSeldonDeployClient } from '@ml-platform/seldon-deploy-v1alpha1';
import {
  type MockedApi,
  type OpenApiDocument,
  openapiDocumentPath,
  type PrismServer,
  type SampleRequest,
  sampleRequests,
  startPrism,
} from '@ml-platform/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type AnyClient = {
  request(method: string, path: string, init: Record<string, unknown>): Promise<{ response: Response }>;
};

interface ApiUnderTest {
  api: MockedApi;
  operations: number;
  create(baseUrl: string): AnyClient;
  /** Operations that cannot pass as they are, with what happens instead and why. */
  prismExceptions: Record<string, { status: number; reason: string } | { throws: RegExp; reason: string }>;
}

const auth = staticTokenAuth('contract-test-token');

const DOTTED_PATH_405 =
  'Prism matches the request to the sibling `{pipeline_id}` path, which has no PATCH, because the ' +
  'template parameter name contains a dot; the request itself is valid (it serializes correctly).';

const apis: ApiUnderTest[] = [
  {
    api: 'kfp-v1beta1',
    operations: 36,
    create: (baseUrl) => createKfpV1Client({ baseUrl, auth }) as unknown as AnyClient,
    prismExceptions: {},
  },
  {
    api: 'kfp-v2beta1',
    operations: 40,
    create: (baseUrl) => createKfpV2Client({ baseUrl, auth }) as unknown as AnyClient,
    prismExceptions: {
      'PATCH /apis/v2beta1/pipelines/{pipeline.pipeline_id}': { status: 405, reason: DOTTED_PATH_405 },
      'PATCH /apis/v2beta1/pipelines/{pipeline_version.pipeline_id}/versions/{pipeline_version.pipeline_version_id}':
        { status: 405, reason: DOTTED_PATH_405 },
    },
  },
  {
    api: 'seldon-deploy-v1alpha1',
    operations: 124,
    // Prism ignores the document's base path (/seldon-deploy/api/v1alpha1) and answers at the root,
    // so the client's baseUrl is the mock's root here; against a real server it includes the base path.
    create: (baseUrl) => createSeldonDeployClient({ baseUrl, auth }) as unknown as AnyClient,
    prismExceptions: {
      'GET /namespaces/{namespace}/seldondeployments/{name}/resources': {
        status: 500,
        reason:
          'The request passes validation (Prism logs "The request passed the validation rules"), then Prism ' +
          'fails to generate a response body from the recursive Kubernetes resource schema (SCHEMA_TOO_COMPLEX).',
      },
    },
  },
];

describe.each(apis)('$api: every operation is accepted by Prism', (target) => {
  const document = JSON.parse(readFileSync(openapiDocumentPath(target.api), 'utf8')) as OpenApiDocument;
  const requests = sampleRequests(document);
  let prism: PrismServer;
  let client: AnyClient;

  beforeAll(async () => {
    prism = await startPrism(target.api);
    client = target.create(prism.url);
  });
  afterAll(() => prism?.stop());

  it(`covers all ${target.operations} operations`, () => {
    expect(requests).toHaveLength(target.operations);
  });

  it.each(requests.map((request) => [`${request.method} ${request.path}`, request] as const))(
    '%s',
    async (name, request: SampleRequest) => {
      const exception = target.prismExceptions[name];
      const call = client.request(request.method, request.path, {
        params: request.params,
        body: request.body,
        parseAs: 'text',
      });
      if (exception && 'throws' in exception) {
        await expect(call, exception.reason).rejects.toThrow(exception.throws);
        return;
      }
      const { response } = await call;
      const violations = response.headers.get('sl-violations');
      if (exception) {
        expect(response.status, exception.reason).toBe(exception.status);
      } else {
        expect(response.status, `Prism refused ${name}: ${violations}`).toBeLessThan(400);
      }
    },
  );
});
