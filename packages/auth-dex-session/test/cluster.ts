/** Test helper: an emulated cluster, a plugin logging into it and a KFP client signed by the plugin. */
import {
  type DexSessionAuth,
  type DexSessionAuthOptions,
  dexSessionAuth,
} from '@ml-platform/auth-dex-session';
import { createKfpV2Client, type KfpV2Client } from '@ml-platform/kfp-v2';
import {
  DEFAULT_DEX_USER,
  type DexEmulator,
  type DexEmulatorOptions,
  startDexEmulator,
} from '@ml-platform/testbed/dex/index';
import { afterEach } from 'vitest';

export const USERNAME = DEFAULT_DEX_USER.login;
export const PASSWORD = DEFAULT_DEX_USER.password;

export interface TestCluster {
  emulator: DexEmulator;
  auth: DexSessionAuth;
  kfp: KfpV2Client;
  /** Every line the plugin logged. */
  log: string[];
}

const running: DexEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
});

/** Starts an emulator (stopped after the test) and a plugin + client for its endpoint. */
export async function startCluster(
  emulatorOptions: DexEmulatorOptions = {},
  authOptions:
    | Partial<DexSessionAuthOptions>
    | ((emulator: DexEmulator) => Partial<DexSessionAuthOptions>) = {},
): Promise<TestCluster> {
  const emulator = await startDexEmulator(emulatorOptions);
  running.push(emulator);
  const overrides = typeof authOptions === 'function' ? authOptions(emulator) : authOptions;
  const log: string[] = [];
  const auth = dexSessionAuth({
    endpoint: emulator.endpoint,
    username: USERNAME,
    password: PASSWORD,
    log: (line) => log.push(line),
    ...overrides,
  });
  const kfp = createKfpV2Client({ baseUrl: emulator.endpoint, auth, tls: overrides.tls });
  return { emulator, auth, kfp, log };
}

/** Asserts nothing a user could read (message, stack, cause chain, log lines) holds the credentials. */
export function leakedCredentials(texts: unknown[], secrets: string[] = [PASSWORD, USERNAME]): string[] {
  const found: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (value === undefined || value === null || depth > 4) return;
    const text = value instanceof Error ? `${value.message}\n${value.stack}` : String(value);
    for (const secret of secrets) if (text.includes(secret)) found.push(text);
    if (value instanceof Error) visit(value.cause, depth + 1);
  };
  for (const text of texts) visit(text, 0);
  return found;
}
