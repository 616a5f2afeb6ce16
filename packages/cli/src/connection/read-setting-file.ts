import { open } from 'node:fs/promises';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

/**
 * The text of a file a flag names (`--ca-file`, `--client-secret-file`), at
 * most `maxBytes` of it: a larger file is refused before it is read. Errors
 * name the flag and the path, never the content (a key or a secret).
 */
export async function readSettingFile(flag: string, path: string, maxBytes: number): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) throw unreadable(flag, path, `larger than ${maxBytes} bytes`);
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw unreadable(flag, path, (error as NodeJS.ErrnoException).code ?? String(error), error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function unreadable(flag: string, path: string, why: string, cause?: unknown): CliError {
  return new CliError(
    CliErrorCode.fileUnreadable,
    `${flag} ${path} cannot be read (${why}). Check the path given to ${flag} (or saved in the profile).`,
    ExitCode.usage,
    { cause },
  );
}
