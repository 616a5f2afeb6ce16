import { ConfigError } from '../errors.js';

/** Stable codes of {@link InClusterFileError}. */
export const InClusterFileErrorCode = {
  missing: 'IN_CLUSTER_FILE_MISSING',
  unreadable: 'IN_CLUSTER_FILE_UNREADABLE',
  empty: 'IN_CLUSTER_FILE_EMPTY',
  /** The namespace file does not hold a Kubernetes namespace name. */
  invalidNamespace: 'IN_CLUSTER_NAMESPACE_INVALID',
  /** The CA file holds no PEM certificate. */
  caNotPem: 'IN_CLUSTER_CA_NOT_PEM',
} as const;

export type InClusterFileErrorCode = (typeof InClusterFileErrorCode)[keyof typeof InClusterFileErrorCode];

/** A file Kubernetes mounts into every pod (namespace, ca.crt) could not be used. */
export class InClusterFileError extends ConfigError {
  /** The file that was tried. */
  readonly path: string;

  constructor(code: InClusterFileErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.path = path;
  }
}
