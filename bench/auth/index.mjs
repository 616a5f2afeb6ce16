// Every auth scenario, in the order the tables list them.
import { dexSessionScenario } from './dex-session.mjs';
import { oidcScenario } from './oidc.mjs';
import { saTokenScenario } from './sa-token.mjs';
import { staticTokenScenario } from './static-token.mjs';
import { tokenEndpointScenario } from './token-endpoint.mjs';

/** @type {import('./scenario.mjs').AuthScenario[]} */
export const authScenarios = [
  staticTokenScenario,
  tokenEndpointScenario,
  saTokenScenario,
  oidcScenario,
  dexSessionScenario,
];
