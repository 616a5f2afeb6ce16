// The test bed's Dex + oauth2-proxy emulator in its own process: a gateway in
// front of a tiny KFP API, and Dex on another origin. Prints
// `listening <gateway port>`; answers `cluster` (endpoint and the example
// user) and `logins` (password logins Dex completed) over IPC.
import { DEFAULT_DEX_USER, startDexEmulator } from '@ml-platform/testbed/dex/index';
import { answerQuestions } from './questions.mjs';

// Plain http on loopback: a Secure cookie would never be sent back over it.
const emulator = await startDexEmulator({ cookieSecure: false });
// The emulator records every exchange for tests to inspect; a bench sends ~100k
// requests through it, so the record is dropped as it grows.
const forgetExchanges = setInterval(() => {
  emulator.exchanges.length = 0;
}, 1000);
forgetExchanges.unref();
answerQuestions(
  {
    cluster: () => ({ endpoint: emulator.endpoint, ...DEFAULT_DEX_USER }),
    logins: () => emulator.logins,
  },
  () => emulator.stop(),
);
console.log(`listening ${new URL(emulator.gatewayOrigin).port}`);
