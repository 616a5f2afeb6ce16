export {
  type OidcProviderOptions,
  type OidcTestProvider,
  startOidcProvider,
  type TokenRequestRecord,
  type VerifiedToken,
} from './oidc-provider.js';
export {
  type ProtectedResource,
  type ProtectedResourceOptions,
  type ResourceRequest,
  startProtectedResource,
} from './protected-resource.js';
export type { BrowserAnswer } from './test-browser.js';
export {
  type ConfidentialTestClient,
  DEVICE_CODE_GRANT,
  OUT_OF_BAND_REDIRECT,
  type PublicTestClient,
  type TestClients,
} from './test-clients.js';
export { TEST_USERS, type TestUser } from './test-users.js';
