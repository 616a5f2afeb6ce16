import type { TokenEndpointResponse } from 'openid-client';
import * as client from 'openid-client';
import type { ResolvedOptions } from '../options.js';
import { callProvider, requestParameters } from './flow.js';

/** Exchanges a refresh token; the scope stays what was granted (no `scope` parameter). */
export function refreshTokens(
  options: ResolvedOptions,
  configuration: client.Configuration,
  refreshToken: string,
): Promise<TokenEndpointResponse> {
  return callProvider(
    options,
    'refresh_token',
    () => client.refreshTokenGrant(configuration, refreshToken, requestParameters(options, '')),
    [refreshToken],
  );
}
