import { FileReadFailure, readFileSnapshot } from '@ml-platform/core/in-cluster';
import { ServiceAccountTokenError, ServiceAccountTokenErrorCode } from './errors.js';
import { describeLocation, mountHint, pointHint, type TokenLocation } from './token-location.js';

/** A projected token is a JWT of about 1 KB; anything much larger is the wrong file. */
const MAX_TOKEN_FILE_BYTES = 64 * 1024;

/** Anything but printable ASCII without spaces: RFC 6750's b64token and a JWT are made of the latter. */
const NOT_TOKEN_CHARACTER = /[^\x21-\x7e]/;

export interface TokenRead {
  readonly token: string;
  readonly identity: string;
}

/**
 * Reads the token file: whitespace around the token (the trailing newline of
 * `echo > token`, CRLF, a BOM) is dropped; anything else that cannot follow
 * `Bearer ` is an error, so a request never goes out with a broken header.
 * Errors name the path and never include the file's content.
 */
export async function readToken(location: TokenLocation): Promise<TokenRead> {
  let text: string;
  let identity: string;
  try {
    ({ text, identity } = await readFileSnapshot(location.path, MAX_TOKEN_FILE_BYTES));
  } catch (error) {
    throw toTokenError(location, error);
  }
  const token = text.trim();
  const where = describeLocation(location);
  if (token === '') {
    throw new ServiceAccountTokenError(
      ServiceAccountTokenErrorCode.empty,
      location.path,
      `The token file ${where} is empty. The kubelet writes a projected serviceAccountToken file in full; ` +
        `an empty one is not such a volume. ${pointHint()}`,
    );
  }
  const bad = token.search(NOT_TOKEN_CHARACTER);
  if (bad !== -1) {
    throw new ServiceAccountTokenError(
      ServiceAccountTokenErrorCode.malformed,
      location.path,
      `The token file ${where} does not hold a bearer token: it has whitespace or a non-printable character ` +
        `inside (at character ${bad + 1}), and a token is one line of printable ASCII. ${pointHint()}`,
    );
  }
  return { token, identity };
}

function toTokenError(location: TokenLocation, error: unknown): ServiceAccountTokenError {
  const where = describeLocation(location);
  if (!(error instanceof FileReadFailure)) {
    return new ServiceAccountTokenError(
      ServiceAccountTokenErrorCode.unreadable,
      location.path,
      `Cannot read the token file ${where}. ${pointHint()}`,
      { cause: error },
    );
  }
  switch (error.kind) {
    case 'missing':
      return new ServiceAccountTokenError(
        ServiceAccountTokenErrorCode.missing,
        location.path,
        `No token file at ${where}: ${error.message}. ${mountHint(location)}`,
        { cause: error.cause },
      );
    case 'too-large':
      return new ServiceAccountTokenError(
        ServiceAccountTokenErrorCode.malformed,
        location.path,
        `The token file ${where} does not hold a bearer token: ${error.message}. ${pointHint()}`,
      );
    case 'unreadable': {
      const permission = /permission denied/.test(error.message)
        ? " If permission is denied, let the container user read it (the pod's securityContext.fsGroup, or the volume's defaultMode)."
        : '';
      return new ServiceAccountTokenError(
        ServiceAccountTokenErrorCode.unreadable,
        location.path,
        `Cannot read the token file ${where}: ${error.message}. ${pointHint()}${permission}`,
        { cause: error.cause },
      );
    }
  }
}
