export { createFakeKfpApi, type KfpApiVersion, kfpError } from './kfp-fake.js';
export { kfpListResponse } from './kfp-list.js';
export { type PrismExchange, type PrismRecorder, recordPrismExchanges } from './prism-recorder.js';
export { type PrismViolation, requestViolations } from './prism-violations.js';
export { type FetchHandler, json, rotatingTokenAuth, scriptedFetch } from './scripted-fetch.js';
export { sequentialIds } from './sequential-ids.js';
export { createSpecCheckedFake, type FakeApi, type SpecCheckedFakeOptions } from './spec-checked-fake.js';
