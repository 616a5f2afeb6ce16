/**
 * Which JavaScript runtime the demo runs each script with: `--runtime=node`
 * (the default: the Node.js running the demo), `--runtime=bun` or
 * `--runtime=deno`, or a path to one of those binaries. The scripts are the
 * same compiled files; only the command in front of them changes.
 */
export interface ScriptRuntime {
  /** Shown in the demo's headings. */
  name: string;
  command: string;
  /** Put before the script's path. Deno needs its permissions granted up front. */
  args: readonly string[];
}

const RUNTIME_FLAG = '--runtime=';
const KNOWN = ['node', 'bun', 'deno'] as const;

/** Splits the demo's arguments into the runtime and the user's script paths. */
export function readScriptRuntime(argv: readonly string[]): { runtime: ScriptRuntime; scripts: string[] } {
  const flags = argv.filter((arg) => arg.startsWith(RUNTIME_FLAG));
  const scripts = argv.filter((arg) => !arg.startsWith(RUNTIME_FLAG));
  const chosen = flags.at(-1)?.slice(RUNTIME_FLAG.length) ?? 'node';
  return { runtime: scriptRuntime(chosen), scripts };
}

function scriptRuntime(chosen: string): ScriptRuntime {
  const base = chosen.split(/[\\/]/).pop() ?? chosen;
  const name = KNOWN.find((known) => base === known || base === `${known}.exe`);
  if (!name) {
    throw new Error(
      `--runtime=${chosen} is not one the demo knows: use node, bun or deno (or a path to one of those binaries).`,
    );
  }
  const command = chosen === 'node' ? process.execPath : chosen;
  // --allow-all: the examples read their settings from the environment, the token file and the network.
  return { name, command, args: name === 'deno' ? ['run', '--allow-all'] : [] };
}
