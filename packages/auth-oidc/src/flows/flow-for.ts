import type { ResolvedOptions } from '../options.js';
import type { OidcPrompt } from '../prompt.js';
import type { Flow } from './flow.js';

/** The user's prompt, or the terminal one (stderr and stdin), loaded only for an interactive flow. */
async function promptFor(options: ResolvedOptions): Promise<OidcPrompt> {
  return options.prompt ?? (await import('../prompt.js')).createTerminalPrompt();
}

/**
 * The flow `options.flow` names. Each is imported when the plugin first needs
 * a token, and only that one: a machine client never loads the loopback
 * server, the terminal prompt or the device-code polling.
 */
export async function flowFor(options: ResolvedOptions): Promise<Flow> {
  switch (options.flow) {
    case 'client_credentials':
      return (await import('./client-credentials.js')).clientCredentialsFlow(options);
    case 'password':
      return (await import('./password.js')).passwordFlow(options);
    case 'device_code': {
      const [{ deviceCodeFlow }, prompt] = await Promise.all([
        import('./device-code.js'),
        promptFor(options),
      ]);
      return deviceCodeFlow(options, prompt);
    }
    case 'authorization_code': {
      if (options.redirect === 'loopback') {
        const [{ loopbackFlow }, prompt] = await Promise.all([import('./loopback.js'), promptFor(options)]);
        return loopbackFlow(options, prompt);
      }
      const [{ outOfBandFlow }, prompt] = await Promise.all([import('./out-of-band.js'), promptFor(options)]);
      return outOfBandFlow(options, prompt);
    }
  }
}
