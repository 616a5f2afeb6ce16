/**
 * Reads a setting the example needs from the environment and says what to
 * set when it is missing. Against a real cluster you set these yourself;
 * `npm run demo` sets them for the local test bed.
 */
export function requireEnv(name: string, example: string): string {
  const value = process.env[name]?.trim();
  if (value) return value;
  process.stderr.write(`Set ${name} first, e.g. ${name}=${example}\n`);
  process.exit(2);
}
