// One error type for `specs:update` and `specs:check`: a stable `code`, and a
// message saying which input, what was expected and what to do.

export class SpecUpdateError extends Error {
  /** @param {string} code @param {string} message @param {{ cause?: unknown }} [options] */
  constructor(code, message, options) {
    super(message, options);
    this.name = 'SpecUpdateError';
    this.code = code;
  }
}
