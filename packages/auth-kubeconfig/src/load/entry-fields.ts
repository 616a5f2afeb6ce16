import { NamedFileError, NamedFileErrorCode, readNamedFileSync } from '@ml-platform/core/files';
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
   * PEM from `<key>-data` (base64) or the file `<key>`; both set is refused,
   * as client-go's validation does ("cannot have values for both path and
   * contents"). `expected` is the PEM label looked for, e.g. `CERTIFICATE`.
   * The file must be a regular file of at most 1 MiB (core's named-file rule);
   * the content never appears in an error.
   */
  pem(key: string, expected: RegExp, label: string): string | undefined {
    const data = this.string(`${key}-data`);
    const path = this.string(key);
    if (data !== undefined && path !== undefined) {
      throw this.error(
        KubeconfigErrorCode.invalid,
        `Both ${key} (a file) and ${key}-data (its contents) are set; kubectl refuses that too. Keep one.`,
        key,
      );
    }
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
    if (path === undefined) return undefined;
    let text: string;
    try {
      text = Buffer.from(readNamedFileSync(path, { field: key, source: this.source() })).toString('utf8');
    } catch (error) {
      // Core's error (FILE_NOT_REGULAR, FILE_TOO_LARGE...) stays the cause; this one adds the context and field path.
      const notFound = error instanceof NamedFileError && error.code === NamedFileErrorCode.notFound;
      throw this.error(
        notFound ? KubeconfigErrorCode.notFound : KubeconfigErrorCode.unreadable,
        (error as Error).message,
        key,
        error,
      );
    }
    if (!expected.test(text)) {
      throw this.error(KubeconfigErrorCode.invalid, `The file ${path} holds no PEM ${label}.`, key);
    }
    return text;
  }

  /** Where this entry is written, for core's named-file errors: `kubeconfig /home/u/.kube/config, user "dev"`. */
  source(): string {
    return `kubeconfig ${this.entry.file}, ${BODY_KEY[this.list]} "${this.entry.name}"`;
  }
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

function decodeBase64(data: string): string | undefined {
  if (!BASE64.test(data)) return undefined;
  return Buffer.from(data, 'base64').toString('utf8');
}
