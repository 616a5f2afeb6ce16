import { json } from './scripted-fetch.js';
import { createSpecCheckedFake, type FakeApi, type SpecCheckedFakeOptions } from './spec-checked-fake.js';

/** The KFP API version a fake speaks. */
export type KfpApiVersion = 'v1beta1' | 'v2beta1';

/**
 * KFP's error answer, a google.rpc.Status (`code` is the gRPC code);
 * v1beta1's grpc-gateway repeats the message as `error`.
 */
export function kfpError(version: KfpApiVersion, status: number, code: number, message: string): Response {
  return json(
    version === 'v1beta1' ? { code, error: message, message, details: [] } : { code, message, details: [] },
    status,
  );
}

/**
 * A spec-checked fake KFP: `answer` serves what the fake knows, returning
 * undefined for the rest, which gets KFP's 404; a request without
 * credentials gets 401 UNAUTHENTICATED.
 */
export function createFakeKfpApi(
  version: KfpApiVersion,
  options: Pick<SpecCheckedFakeOptions, 'origin' | 'basePath' | 'prismUrl'>,
  answer: (request: Request, path: string, query: URLSearchParams) => Promise<Response | undefined>,
): FakeApi {
  return createSpecCheckedFake({
    ...options,
    answer: async (request, path, query) =>
      (await answer(request, path, query)) ??
      kfpError(version, 404, 5, `the fake KFP does not serve ${request.method} ${path}`),
    unauthorized: () => kfpError(version, 401, 16, 'no credentials'),
  });
}
