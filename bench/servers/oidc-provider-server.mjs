// The test bed's OpenID Provider (oidc-provider, a certified implementation)
// in its own process, so token-endpoint work is not charged to the client
// under test. Prints `listening <port>`; answers `client` (issuer and the
// client_credentials client) and `tokenFetches` (successful client_credentials
// token requests the provider served) over IPC.
import { startOidcProvider } from '@ml-platform/testbed/oidc/index';
import { answerQuestions } from './questions.mjs';

// oidc-provider warns that Node 20 is not a supported runtime; it works (TOOLCHAIN-FACTS.md).
process.removeAllListeners('warning');
const provider = await startOidcProvider();
answerQuestions(
  {
    client: () => ({ issuer: provider.issuer, ...provider.clients.clientCredentials }),
    tokenFetches: () => provider.countTokenRequests('client_credentials', 'ok'),
  },
  () => provider.stop(),
);
console.log(`listening ${new URL(provider.issuer).port}`);
