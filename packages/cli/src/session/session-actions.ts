import { rm, stat } from 'node:fs/promises';
import type { Invocation } from '../action.js';
import { dexSessionPath, type OidcLogin, type Profile } from '../config/config-file.js';
import { authKindOf, buildAuth } from '../connection/auth.js';
import { selectProfile } from '../connection/profile.js';
import { printDone, printResult } from '../output/print.js';
import { jwtClaims } from './jwt-claims.js';
import { oidcAuthFor } from './oidc.js';

interface LoginFlags {
  flow?: OidcLogin;
  username?: string;
}

type Signer = { cache: { get(): Promise<{ value: string; expiresAt?: number }> } };

export async function login({ options, globals }: Invocation<LoginFlags>) {
  const { name, profile: saved } = selectProfile(globals);
  const profile: Profile = {
    ...saved,
    login: options.flow ?? saved.login,
    username: options.username ?? saved.username,
  };
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
  // A login is always a new one: what was saved (maybe for another user) is forgotten first.
  if (kind === 'oidc') await oidcAuthFor(profile, false).logout();
  else await rm(dexSessionPath(name ?? 'default'), { force: true });
  const auth = (await buildAuth({
    profileName: name,
    profile,
    endpoint,
    interactive: true,
  })) as unknown as Signer;
  // Acquiring the credential runs the login and saves it where the plugin keeps it.
  const credential = await auth.cache.get();
  // The out-of-band prompt read the code from stdin; a stdin left open would keep the process alive.
  if (kind === 'oidc' && profile.login === 'out-of-band') process.stdin.destroy();
  const who =
    kind === 'oidc'
      ? (jwtClaims(credential.value).email ?? jwtClaims(credential.value).sub)
      : profile.username;
  await printDone(globals, `Logged in${who ? ` as ${who}` : ''} (${kind}).`, { auth: kind, user: who });
}

export async function logout({ globals }: Invocation) {
  const { name, profile } = selectProfile(globals);
  const kind = authKindOf(profile);
  if (kind === 'oidc') await oidcAuthFor(profile, false).logout();
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
  const { name, profile } = selectProfile(globals);
  const kind = authKindOf(profile);
  const identity: Record<string, string | undefined> = { profile: name, auth: kind };
  if (kind === 'oidc' || kind === 'sa-token') {
    const auth = (await buildAuth({
      profileName: name,
      profile,
      endpoint: undefined,
      interactive: false,
    })) as unknown as Signer;
    Object.assign(identity, identityOf((await auth.cache.get()).value));
  } else if (kind === 'in-pod') {
    // What createKfpV2Client signs with when given no auth, as the library itself decides it.
    const { inPodDefaultAuth } = await import('@ml-platform/kfp-common');
    const found = await inPodDefaultAuth().describe();
    if (found.kind === 'service-account-token') {
      const { serviceAccountTokenAuth } = await import('@ml-platform/auth-sa-token');
      const token = await serviceAccountTokenAuth({ path: found.path, watch: false }).cache.get();
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
  await printResult<typeof identity>(globals, identity, [
    { heading: 'Profile', value: (row) => row.profile },
    { heading: 'Auth', value: (row) => row.auth },
    { heading: 'User', value: (row) => row.user },
    { heading: 'Details', value: (row) => row.expires_at ?? row.session ?? row.details ?? row.issuer },
  ]);
}

function identityOf(token: string): Record<string, string | undefined> {
  const claims = jwtClaims(token);
  return {
    user: claims.email ?? claims.sub,
    issuer: claims.iss,
    expires_at: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : undefined,
  };
}
