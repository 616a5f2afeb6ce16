/**
 * What getting a session needs: the cookie jar (tough-cookie and its public-suffix
 * list) and the HTML parser, some 100 ms of module loading. The plugin
 * imports this module when it first needs a session (from the session file or
 * a login), not when it is imported or created: a CLI that never signs a
 * request with it does not pay for them.
 */
export { runLoginFlow } from './login-flow.js';
export { deleteSessionFile, loadSessionFile, saveSessionFile } from './session-file.js';
export { sessionFor } from './session-from-jar.js';
