import { createInterface } from 'node:readline';

/** Where the user logs in; shown before the flow waits for them. */
export interface AuthorizationUrlDetails {
  /** The provider's login URL, with PKCE challenge, state and nonce. Meant for the user's browser only. */
  readonly url: string;
  /** `out-of-band`: the user pastes the code back; `loopback`: the browser returns to a local server. */
  readonly redirect: 'out-of-band' | 'loopback';
}

/** What the user must enter on another device (RFC 8628). */
export interface DeviceCodeDetails {
  readonly userCode: string;
  readonly verificationUri: string;
  /** The verification URI with the code filled in, when the provider offers one. */
  readonly verificationUriComplete: string | undefined;
  readonly expiresInSeconds: number;
}

/**
 * How the interactive flows talk to the user. The default prints to stderr and
 * reads stdin; programs (and tests) pass their own, e.g. to open a browser or
 * to drive the login page themselves.
 */
export interface OidcPrompt {
  /** Tells the user to open the provider's login page (the authorization code flow). */
  showAuthorizationUrl(details: AuthorizationUrlDetails): void | Promise<void>;
  /** Out-of-band only: the code (or the whole redirect URL) the user copied from the provider's page. */
  readAuthorizationCode(): Promise<string>;
  /** Tells the user where to enter the device code, and the code (the device code flow). */
  showDeviceCode(details: DeviceCodeDetails): void | Promise<void>;
}

/** The options of `createTerminalPrompt`: where instructions go and where a pasted code is read from. */
export interface TerminalPromptOptions {
  /** Where a pasted authorization code is read from. Default `process.stdin`. */
  input?: NodeJS.ReadableStream | undefined;
  /** Where instructions are written. Default `process.stderr`. */
  output?: NodeJS.WritableStream | undefined;
}

/** The default prompt: instructions on `output` (stderr), the pasted code from `input` (stdin). */
export function createTerminalPrompt(options: TerminalPromptOptions = {}): OidcPrompt {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stderr;
  const say = (text: string) => {
    output.write(`${text}\n`);
  };
  return {
    showAuthorizationUrl({ url, redirect }) {
      say('Open this URL in a browser to log in:');
      say(`  ${url}`);
      if (redirect === 'loopback') say('Waiting for the browser to come back...');
    },
    readAuthorizationCode() {
      return new Promise<string>((resolve) => {
        const lines = createInterface({ input, output, terminal: false });
        let answered = false;
        lines.once('close', () => {
          if (!answered) resolve('');
        });
        lines.question('Paste the authorization code shown after login: ', (answer) => {
          answered = true;
          lines.close();
          resolve(answer.trim());
        });
      });
    },
    showDeviceCode({ userCode, verificationUri, verificationUriComplete, expiresInSeconds }) {
      say(`To log in, open ${verificationUri} and enter the code ${userCode}`);
      if (verificationUriComplete) say(`  (or open ${verificationUriComplete})`);
      say(`The code expires in ${Math.round(expiresInSeconds / 60)} minutes. Waiting...`);
    },
  };
}
