import { KfpError, KfpErrorCode } from './errors.js';

const PREFIX = '{"data":"';
const SUFFIX = '"}';

/**
 * The artifact bytes inside the body KFP's `ReadArtifact` handler writes
 * (backend/src/apiserver/server/run_artifact_server.go, 2.17.0): it streams
 * `{"data":"`, the object-store file base64-encoded, then `"}`. Decoded as it
 * arrives, four base64 characters at a time, so a large artifact is never held
 * in memory whole (neither as base64 nor as bytes).
 */
export function decodeArtifactEnvelope(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const text = new TextDecoder();
  let head = '';
  let started = false;
  // Base64 not decoded yet: fewer than 4 characters, or the last ones that may be the suffix.
  let pending = '';
  const malformed = (what: string) =>
    new KfpError(
      KfpErrorCode.artifactMalformed,
      `The artifact response is not the {"data":"<base64>"} body KFP's ReadArtifact writes: ${what}. ` +
        'Is baseUrl the KFP API (not the UI), and is the server KFP 2.x?',
    );
  const decodeReady = (controller: TransformStreamDefaultController<Uint8Array>, final: boolean) => {
    let chunk: string;
    if (final) {
      if (!pending.endsWith(SUFFIX)) throw malformed('it ends before the closing "}');
      chunk = pending.slice(0, -SUFFIX.length);
      if (chunk.length % 4 !== 0) throw malformed('its base64 length is not a multiple of 4');
      pending = '';
    } else {
      // Keep back what could be the start of the suffix, and any incomplete group of four.
      const usable = Math.max(0, pending.length - SUFFIX.length);
      chunk = pending.slice(0, usable - (usable % 4));
      pending = pending.slice(chunk.length);
    }
    if (chunk === '') return;
    let binary: string;
    try {
      binary = atob(chunk);
    } catch (error) {
      throw Object.assign(malformed('the data is not base64'), { cause: error });
    }
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    controller.enqueue(bytes);
  };
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        let piece = text.decode(chunk, { stream: true });
        if (!started) {
          head += piece;
          if (head.length < PREFIX.length) return;
          if (!head.startsWith(PREFIX)) throw malformed('it does not start with {"data":"');
          started = true;
          piece = head.slice(PREFIX.length);
        }
        pending += piece;
        decodeReady(controller, false);
      },
      flush(controller) {
        pending += text.decode();
        if (!started) throw malformed('it is empty or too short');
        decodeReady(controller, true);
      },
    }),
  );
}
