import type { KubeApiRequest } from '@ml-platform/testbed';

const VIA: Record<string, string> = {
  x509: 'a client certificate (mutual TLS)',
  token: 'a bearer token',
  anonymous: 'no credentials (anonymous)',
};

/** One line about what the Kubernetes API server saw during a step: proxied requests, as whom, refusals. */
export function summarizeKubeApiServer(entries: readonly KubeApiRequest[]): string {
  const parts: string[] = [];
  const groups = new Map<string, number>();
  for (const entry of entries) {
    if (entry.status === 401 || entry.status === 403 || entry.user === undefined) continue;
    const key = `${entry.via}|${entry.user}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  for (const [key, count] of groups) {
    const [via = '', user = ''] = key.split('|');
    parts.push(
      `${count} request${count === 1 ? '' : 's'} proxied to the Service, authenticated with ${VIA[via] ?? via}, as ${user}`,
    );
  }
  const refused = entries.filter((entry) => entry.status === 401 || entry.status === 403).length;
  parts.push(refused === 0 ? 'none refused' : `${refused} refused`);
  return `Kubernetes API server: ${parts.join('; ')}`;
}
