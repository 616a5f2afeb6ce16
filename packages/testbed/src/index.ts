export { freePort } from './free-port.js';
export {
  type RecordedRequest,
  sendJson,
  startHttpServer,
  type TestHandler,
  type TestHttpServer,
} from './http-server.js';
export { MOCKED_APIS, type MockedApi, openapiDocumentPath, type PrismServer, startPrism } from './prism.js';
export { type OpenApiDocument, type SampleRequest, sampleRequests } from './sample-request.js';
export { createTestCertificates, type TestCertificates } from './tls-certificates.js';
