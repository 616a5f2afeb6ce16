import { removePrivateFile, writePrivateFile } from '@ml-platform/core/private-file';

/**
 * Writes `NAME=value` lines readable by `node --env-file`, `set -a; . file`
 * and docker's `--env-file`, only for the current user: the values include
 * passwords and tokens. Goes through core's private-file policy (atomic, 0600),
 * so an existing file others could read is replaced, not written through.
 */
export async function writeEnvFile(path: string, env: Record<string, string>): Promise<void> {
  const lines = Object.entries(env).map(([name, value]) => `${name}=${quote(value)}`);
  await writePrivateFile(path, `${lines.join('\n')}\n`);
}

/** Removes an env file written by {@link writeEnvFile}; its credentials die with the cluster. */
export async function removeEnvFile(path: string): Promise<void> {
  await removePrivateFile(path);
}

function quote(value: string): string {
  return /^[\w@%+=:,./-]*$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
