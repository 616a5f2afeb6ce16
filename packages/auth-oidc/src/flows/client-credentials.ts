import * as client from 'openid-client';
import type { ResolvedOptions } from '../options.js';
import { callProvider, type Flow, requestParameters } from './flow.js';

/** Machine-to-machine tokens (a pipeline-runner, a CI job): repeat the grant whenever a token is needed. */
export function clientCredentialsFlow(options: ResolvedOptions): Flow {
  return {
    step: 'client_credentials',
    interactive: false,
    obtain: (configuration) =>
      callProvider(options, 'client_credentials', () =>
        client.clientCredentialsGrant(configuration, requestParameters(options)),
      ),
  };
}
