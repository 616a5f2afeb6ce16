/**
 * The password cooldown both password-sending plugins share: after a refusal,
 * the same secret is not sent again until the window has passed.
 */
import { AuthError, ConfigError, CredentialCooldown, checkCooldownMs } from '@ml-platform/core';
import { describe, expect, it } from 'vitest';

const refused = () => new AuthError('@ml-platform/test', 'AUTH_TEST_BAD_CREDENTIALS', 'Wrong password.');
const isRefusal = (error: unknown) => (error as AuthError).code === 'AUTH_TEST_BAD_CREDENTIALS';

function setup(cooldownMs?: number) {
  let now = Date.parse('2026-01-01T00:00:00Z');
  let sent = 0;
  const cooldown = new CredentialCooldown({ cooldownMs, now: () => now });
  const login = (secret: string, outcome: () => string) =>
    cooldown.attempt(
      secret,
      async () => {
        sent += 1;
        return outcome();
      },
      isRefusal,
    );
  return {
    cooldown,
    login,
    sent: () => sent,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CredentialCooldown', () => {
  it('after a refusal, rejects every call with the same error at once for 60 s, saying when it tries again', async () => {
    const { cooldown, login, sent, advance } = setup();
    const first = await login('wrong', () => {
      throw refused();
    }).catch((error) => error);
    expect(first.message).toBe(
      '[@ml-platform/test] Wrong password. Not sending the same password again before 2026-01-01T00:01:00.000Z ' +
        '(a 60 s cooldown, so retries cannot lock the account); until then every call from this process fails ' +
        'with this error. The cooldown is kept in memory: another process would send the password again, so ' +
        'check it before retrying.',
    );
    expect(first.stack).toContain('before 2026-01-01T00:01:00.000Z');
    expect(first.retryAt).toBe(Date.parse('2026-01-01T00:01:00Z'));
    expect(cooldown.retryAt).toBe(first.retryAt);

    for (const wait of [0, 30_000, 29_999]) {
      advance(wait);
      await expect(login('wrong', () => 'token')).rejects.toBe(first);
    }
    expect(sent()).toBe(1);

    advance(1);
    expect(await login('wrong', () => 'token')).toBe('token');
    expect(sent()).toBe(2);
    expect(cooldown.retryAt).toBeUndefined();
  });

  it('sends a different secret at once (the password was corrected)', async () => {
    const { login, sent } = setup();
    await login('wrong', () => {
      throw refused();
    }).catch(() => undefined);
    expect(await login('right', () => 'token')).toBe('token');
    expect(sent()).toBe(2);
  });

  it('does not cool down after other failures (an unreachable provider, a locked account)', async () => {
    const { login, sent } = setup();
    await expect(
      login('secret', () => {
        throw new Error('ECONNREFUSED');
      }),
    ).rejects.toThrow('ECONNREFUSED');
    expect(await login('secret', () => 'token')).toBe('token');
    expect(sent()).toBe(2);
  });

  it('with cooldownMs 0, sends every time', async () => {
    const { login, sent } = setup(0);
    for (let call = 0; call < 3; call += 1) {
      await login('wrong', () => {
        throw refused();
      }).catch(() => undefined);
    }
    expect(sent()).toBe(3);
  });

  it.each([-1, Number.NaN, 2 ** 31, '60'])('refuses cooldownMs %s with a ConfigError', (value) => {
    expect(() => new CredentialCooldown({ cooldownMs: value as number })).toThrow(ConfigError);
    expect(() => checkCooldownMs(value, 'passwordCooldownMs', '@ml-platform/x')).toThrow(
      /^\[@ml-platform\/x\] passwordCooldownMs must be a number of milliseconds from 0 \(no cooldown\) to 2147483647/,
    );
  });
});
