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
  const kind = await authKindOf(profile);
  if (kind === 'none' || kind === 'sa-token') {
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
  const kind = await authKindOf(profile);
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
  const kind = await authKindOf(profile);
  const identity: Record<string, string | undefined> = { profile: name, auth: kind };
  if (kind === 'oidc' || kind === 'sa-token') {
    const auth = (await buildAuth({
      profileName: name,
      profile,
      endpoint: undefined,
      interactive: false,
    })) as unknown as Signer;
    const claims = jwtClaims((await auth.cache.get()).value);
    Object.assign(identity, {
      user: claims.email ?? claims.sub,
      issuer: claims.iss,
      expires_at: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : undefined,
    });
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
    { heading: 'Details', value: (row) => row.expires_at ?? row.session ?? row.issuer },
  ]);
}
