import { readFile, stat } from 'node:fs/promises';
import { CliError, CliErrorCode } from '../cli-error.js';
import { ExitCode } from '../exit-codes.js';

/** A manifest or request file larger than this is refused before it is read. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

function usage(message: string, cause?: unknown): CliError {
  return new CliError(CliErrorCode.usage, message, ExitCode.usage, { cause });
}

/** A file's text, refused when missing or larger than {@link MAX_DOCUMENT_BYTES}. */
export async function readDocumentText(path: string, what: string): Promise<string> {
  try {
    const { size } = await stat(path);
    if (size > MAX_DOCUMENT_BYTES)
      throw usage(`${path} is ${size} bytes; a ${what} file may be ${MAX_DOCUMENT_BYTES} bytes at most.`);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw usage(`Cannot read the ${what} file ${path}: ${(error as Error).message}`, error);
  }
}

/** One YAML or JSON object from a file (a manifest, a batch job definition). */
export async function readObjectDocument(path: string, what: string): Promise<Record<string, unknown>> {
  const text = await readDocumentText(path, what);
  const { parse } = await import('yaml');
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw usage(`${path} is not valid YAML or JSON: ${(error as Error).message}`, error);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw usage(`${path} is not a ${what} (a YAML or JSON object).`);
  return document as Record<string, unknown>;
}

/** A JSON request body: `-d` text, else `-f` file, else stdin. */
export async function readJsonRequest(
  options: { data?: string; file?: string },
  example: string,
): Promise<unknown> {
  const text =
    options.data ?? (options.file ? await readDocumentText(options.file, 'request') : await readStdin());
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usage(`The request must be JSON, e.g. -d '${example}'.`, error);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_DOCUMENT_BYTES) throw usage(`The request on stdin is over ${MAX_DOCUMENT_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
