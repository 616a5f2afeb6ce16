/** The environment where there is one (Node, Bun, Deno's compatibility layer); empty in browsers. */
export function processEnv(): Record<string, string | undefined> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}
