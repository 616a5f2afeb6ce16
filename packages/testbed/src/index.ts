export { freePort } from './free-port.js';
export { MOCKED_APIS, type MockedApi, openapiDocumentPath, type PrismServer, startPrism } from './prism.js';
export { type OpenApiDocument, type SampleRequest, sampleRequests } from './sample-request.js';
