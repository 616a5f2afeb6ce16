import { rm, stat } from 'node:fs/promises';
import type { AuthPlugin } from '@ml-platform/core';
import { jwtClaims, jwtExpiresAt } from '@ml-platform/core';
import type { Invocation } from '../action.js';
import { CliError, CliErrorCode } from '../cli-error.js';
import { dexSessionPath } from '../config/config-file.js';
import { authKindOf, buildAuth } from '../connection/auth.js';
import { selectProfile } from '../connection/profile.js';
import { tlsOf } from '../connection/tls.js';
import { ExitCode } from '../exit-codes.js';
import { printDone, printResult } from '../output/print.js';
import { oidcAuthFor } from './oidc.js';

/** The credential the profile's plugin signs with now, acquiring it (a login) when none is cached. */
async function credentialOf(auth: AuthPlugin | AuthPlugin[] | undefined): Promise<{ value: string }> {
  const plugin = Array.isArray(auth) ? auth[0] : auth;
  if (!plugin?.acquire) {
    throw new CliError(
      CliErrorCode.usage,
      `The profile's auth (${plugin?.name ?? 'none'}) holds no credential to log in with or show.`,
      ExitCode.usage,
    );
  }
  return plugin.acquire();
}

/** `--flow` and `--username` (global flags) choose this login's flow and user over the profile's. */
export async function login({ globals }: Invocation) {
  const { name, profile } = await selectProfile(globals);
  const kind = authKindOf(profile);
  if (kind !== 'oidc' && kind !== 'dex') {
    await printDone(
      globals,
      `Profile ${name ?? '(none)'} uses ${kind} auth: there is nothing to log in to.`,
      { auth: kind },
    );
    return;
  }
  const endpoint = globals.endpoint ?? profile.kfpEndpoint ?? process.env.KF_PIPELINES_ENDPOINT;
  const tls = await tlsOf(profile);
  const auth = await buildAuth({ profileName: name, profile, endpoint, interactive: true, tls });
  // A login is always a new one: what was saved (maybe for another user) is forgotten first.
  await (auth as { logout?: () => Promise<void> }).logout?.();
  // Acquiring the credential runs the login and saves it where the plugin keeps it.
  const credential = await credentialOf(auth);
  // The out-of-band prompt read the code from stdin; a stdin left open would keep the process alive.
  if (kind === 'oidc' && profile.flow === 'out-of-band') process.stdin.destroy();
  const who = kind === 'oidc' ? userOf(jwtClaims(credential.value)) : profile.username;
  await printDone(globals, `Logged in${who ? ` as ${who}` : ''} (${kind}).`, { auth: kind, user: who });
}

export async function logout({ globals }: Invocation) {
  const { name, profile } = await selectProfile(globals);
  const kind = authKindOf(profile);
  if (kind === 'oidc') {
    // Tokens are cached per issuer and client, whatever the flow: forgetting them needs no password.
    await (await oidcAuthFor({ ...profile, flow: 'device-code' }, { interactive: false })).logout();
  }
  if (kind === 'dex') await rm(dexSessionPath(name ?? 'default'), { force: true });
  await printDone(
    globals,
    kind === 'oidc' || kind === 'dex' ? 'Logged out.' : `Nothing to log out of (${kind} auth).`,
    {
      auth: kind,
    },
  );
}

export async function whoami({ globals }: Invocation) {
  const { name, profile } = await selectProfile(globals);
  const kind = authKindOf(profile);
  const identity: Record<string, string | undefined> = { profile: name, auth: kind };
  if (kind === 'oidc' || kind === 'sa-token' || kind === 'token') {
    const auth = await buildAuth({
      profileName: name,
      profile,
      endpoint: undefined,
      interactive: false,
      tls: await tlsOf(profile),
    });
    Object.assign(identity, identityOf((await credentialOf(auth)).value));
  } else if (kind === 'kubeconfig') {
    const { kubeServiceProxy } = await import('@ml-platform/auth-kubeconfig');
    const { kubeServiceOf } = await import('../connection/kube-service.js');
    const proxied = kubeServiceProxy({
      kubeconfig: profile.kubeconfig,
      context: profile.context,
      ...kubeServiceOf(profile.kubeService),
    });
    Object.assign(identity, {
      endpoint: proxied.baseUrl,
      details: `kubeconfig context ${profile.context ?? '(current)'}`,
    });
  } else if (kind === 'in-pod') {
    // What createKfpV2Client signs with when given no auth, as the library itself decides it.
    const { inPodDefaultAuth } = await import('@ml-platform/kfp-common');
    const found = await inPodDefaultAuth().describe();
    if (found.kind === 'service-account-token') {
      const { serviceAccountTokenAuth } = await import('@ml-platform/auth-sa-token');
      const token = await serviceAccountTokenAuth({ path: found.path, watch: false }).acquire();
      Object.assign(identity, { auth: 'in-pod (ServiceAccount token)', ...identityOf(token.value) });
    } else {
      Object.assign(identity, {
        auth: 'in-pod (none found)',
        details: `looked at ${found.lookedAt.join(', ')}`,
      });
    }
  } else if (kind === 'dex') {
    const file = dexSessionPath(name ?? 'default');
    const saved = await stat(file).then(
      () => true,
      () => false,
    );
    Object.assign(identity, { user: profile.username, session: saved ? 'saved' : 'none (run mlp login)' });
  }
  identity.endpoint ??= await kfpEndpointInUse(globals.endpoint ?? profile.kfpEndpoint);
  await printResult<typeof identity>(globals, identity, [
    { heading: 'Profile', value: (row) => row.profile },
    { heading: 'Auth', value: (row) => row.auth },
    { heading: 'KFP endpoint', value: (row) => row.endpoint },
    { heading: 'User', value: (row) => row.user },
    { heading: 'Details', value: (row) => row.expires_at ?? row.session ?? row.details ?? row.issuer },
  ]);
}

/**
 * The KFP endpoint commands use: the flag's or profile's, else what the
 * library's zero-config chain picks (KF_PIPELINES_ENDPOINT, the in-cluster
 * service, then the kubeconfig's current context through the API server's
 * service proxy), said with where it came from, as `describeKfpConnection` tells it.
 */
async function kfpEndpointInUse(configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const { describeKfpConnection } = await import('@ml-platform/kfp-common');
  try {
    const picked = await describeKfpConnection();
    if (picked.source !== 'kubeconfig')
      return `${picked.baseUrl} (${picked.source === 'in-cluster' ? 'in-cluster service' : picked.source})`;
    return `${picked.baseUrl} (kubeconfig context ${picked.context}, user ${picked.user}, service ${picked.kubeService})`;
  } catch {
    // Nothing set and no kubeconfig (or one that cannot be read): whoami still answers, and says what to set.
    return 'none (pass --endpoint, save --kfp-endpoint in the profile, set KF_PIPELINES_ENDPOINT, or use a kubeconfig)';
  }
}

function userOf(claims: Record<string, unknown> | undefined): string | undefined {
  const user = claims?.email ?? claims?.preferred_username ?? claims?.sub;
  return typeof user === 'string' ? user : undefined;
}

function identityOf(token: string): Record<string, string | undefined> {
  const claims = jwtClaims(token);
  const expiresAt = jwtExpiresAt(token);
  return {
    user: userOf(claims),
    issuer: typeof claims?.iss === 'string' ? claims.iss : undefined,
    expires_at: expiresAt === undefined ? undefined : new Date(expiresAt).toISOString(),
  };
}
