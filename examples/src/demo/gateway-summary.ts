import type { GatewayLogEntry } from '@ml-platform/testbed';

/** How the gateway authenticated requests, in words. */
const VIA: Record<string, string> = {
  kubernetes: 'a ServiceAccount token (checked against the API server keys)',
  oidc: "an OIDC ID token (checked against the provider's JWKS)",
  session: 'an oauth2-proxy session cookie',
};

/**
 * One line about what the gateway saw during a step: how many API requests,
 * authenticated how and as whom, how many distinct credentials (the rotating
 * ServiceAccount token shows as several), the login, and refusals.
 */
export function summarizeGateway(entries: readonly GatewayLogEntry[]): string {
  const loggedIn = entries.some((entry) => entry.route === 'dex');
  // A session plugin's login starts with the gateway turning it away (sign-in page or 401), then visits
  // oauth2-proxy and Dex; all of that is the login, not a refusal.
  const isLogin = (entry: GatewayLogEntry) =>
    entry.route === 'dex' || entry.route === 'oauth2-proxy' || (loggedIn && !entry.identity);
  const login = entries.filter(isLogin);
  const api = entries.filter((entry) => !isLogin(entry));
  const parts: string[] = [];
  const groups = new Map<string, GatewayLogEntry[]>();
  for (const entry of api) {
    if (!entry.identity || entry.refusal) continue;
    const key = `${entry.identity.via}|${entry.identity.user}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  for (const [key, group] of groups) {
    const [via = '', user = ''] = key.split('|');
    const credentials = new Set(group.map((entry) => entry.identity?.credentialId)).size;
    const distinct = credentials > 1 ? `, ${credentials} different ones as it rotated` : '';
    parts.push(`${plural(group.length, 'request')} with ${VIA[via] ?? via}${distinct}, as ${user}`);
  }
  if (login.length > 0)
    parts.push(`logging in through oauth2-proxy and Dex took ${plural(login.length, 'request')}`);
  const refused = api.filter(
    (entry) => entry.refusal !== undefined || entry.status === 401 || entry.status === 403,
  );
  parts.push(refused.length === 0 ? 'none refused' : plural(refused.length, 'refused request'));
  return `gateway: ${parts.join('; ')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
