import { writeFileSync } from 'node:fs';

/**
 * Writes `NAME=value` lines readable by `node --env-file`, `set -a; . file`
 * and docker's `--env-file`, only for the current user: the values include
 * passwords and tokens.
 */
export function writeEnvFile(path: string, env: Record<string, string>): void {
  const lines = Object.entries(env).map(([name, value]) => `${name}=${quote(value)}`);
  writeFileSync(path, `${lines.join('\n')}\n`, { mode: 0o600 });
}

function quote(value: string): string {
  return /^[\w@%+=:,./-]*$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
