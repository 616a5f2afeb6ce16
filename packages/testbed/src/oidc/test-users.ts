/** A person who can log in at the test provider. */
export interface TestUser {
  readonly username: string;
  readonly password: string;
  readonly email: string;
  readonly name: string;
  readonly groups: readonly string[];
}

/** Kubeflow's default profile owner and a second user, so tests can tell sessions apart. */
export const TEST_USERS = {
  alice: {
    username: 'alice',
    password: 'alice-Pa55word!',
    email: 'alice@example.com',
    name: 'Alice Example',
    groups: ['kubeflow-users', 'data-science'],
  },
  bob: {
    username: 'bob',
    password: 'bob-Pa55word!',
    email: 'bob@example.com',
    name: 'Bob Example',
    groups: ['kubeflow-users'],
  },
} as const satisfies Record<string, TestUser>;

export function findTestUser(username: unknown): TestUser | undefined {
  return Object.values(TEST_USERS).find((user) => user.username === username);
}

/** The user when the password matches; plain comparison is fine for throwaway test accounts. */
export function checkTestUserPassword(username: unknown, password: unknown): TestUser | undefined {
  const user = findTestUser(username);
  return user && user.password === password ? user : undefined;
}

/** The claims an ID token carries for `user`; the provider keeps those the granted scopes allow. */
export function claimsOf(user: TestUser): { sub: string; [claim: string]: unknown } {
  return {
    sub: user.username,
    email: user.email,
    email_verified: true,
    name: user.name,
    preferred_username: user.username,
    groups: [...user.groups],
  };
}
