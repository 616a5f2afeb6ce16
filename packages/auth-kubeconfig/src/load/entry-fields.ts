import { readFileSync } from 'node:fs';
import { KubeconfigError, KubeconfigErrorCode } from '../errors.js';
import { BODY_KEY, type ListName, type NamedEntry } from './kubeconfig-model.js';

/** Reads typed fields of one entry; every error names the file, the context and the field. */
export class EntryFields {
  constructor(
    private readonly list: ListName,
    readonly entry: NamedEntry,
    readonly context: string,
  ) {}

  /** `users["alice"].user.token`, as kubectl's errors spell it. */
  field(path: string): string {
    return `${this.list}["${this.entry.name}"].${BODY_KEY[this.list]}.${path}`;
  }

  error(code: KubeconfigErrorCode, message: string, path: string, cause?: unknown): KubeconfigError {
    return new KubeconfigError(
      code,
      message,
      { file: this.entry.file, context: this.context, field: this.field(path) },
      cause === undefined ? undefined : { cause },
    );
  }

  has(key: string): boolean {
    const value = this.entry.body[key];
    return value !== undefined && value !== null && value !== '';
  }

  string(key: string): string | undefined {
    const value = this.entry.body[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') {
      throw this.error(KubeconfigErrorCode.invalid, `Expected a string, got ${typeof value}.`, key);
    }
    return value;
  }

  boolean(key: string): boolean {
    const value = this.entry.body[key];
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') {
      throw this.error(KubeconfigErrorCode.invalid, `Expected true or false, got ${typeof value}.`, key);
    }
    return value;
  }

  /**
   * PEM from `<key>-data` (base64, wins as in client-go) or the file `<key>`.
   * `expected` is the PEM label looked for, e.g. `CERTIFICATE`. The content never appears in an error.
   */
  pem(key: string, expected: RegExp, label: string): string | undefined {
    const data = this.string(`${key}-data`);
    if (data !== undefined) {
      const decoded = decodeBase64(data);
      if (decoded === undefined || !expected.test(decoded)) {
        throw this.error(
          KubeconfigErrorCode.invalid,
          `Expected the base64 encoding of a PEM ${label} (as kubectl config set --embed-certs writes it).`,
          `${key}-data`,
        );
      }
      return decoded;
    }
    const path = this.string(key);
    if (path === undefined) return undefined;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw this.error(
        code === 'ENOENT' ? KubeconfigErrorCode.notFound : KubeconfigErrorCode.unreadable,
        `The file ${path} cannot be read (${code ?? String(error)}).`,
        key,
        error,
      );
    }
    if (!expected.test(text)) {
      throw this.error(KubeconfigErrorCode.invalid, `The file ${path} holds no PEM ${label}.`, key);
    }
    return text;
  }
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

function decodeBase64(data: string): string | undefined {
  if (!BASE64.test(data)) return undefined;
  return Buffer.from(data, 'base64').toString('utf8');
}
