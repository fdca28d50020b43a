import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_VERBS, VERBS, roleCan } from './permissions.js';
import { checkPassword, checkRoleBinding, checkUserName } from './users.js';

describe('user rules', () => {
  it('accepts lowercase names and explains what a bad one lacks', () => {
    expect(checkUserName('olena.k')).toEqual([]);
    expect(checkUserName('Olena')[0]?.message).toContain('lowercase');
    expect(checkUserName('a')).toHaveLength(1);
    expect(checkUserName('9lives')).toHaveLength(1);
  });

  it('bounds password length', () => {
    expect(checkPassword('123456789')).toEqual([
      { path: 'password', message: 'must be at least 10 characters' },
    ]);
    expect(checkPassword('1234567890')).toEqual([]);
    expect(checkPassword('x'.repeat(257))).toHaveLength(1);
  });

  it('binds only guarantors to an actor', () => {
    expect(checkRoleBinding('guarantor', 'GBR')).toEqual([]);
    expect(checkRoleBinding('guarantor', null)).toHaveLength(1);
    expect(checkRoleBinding('viewer', 'GBR')).toHaveLength(1);
    expect(checkRoleBinding('king', null)).toEqual([
      { path: 'role', message: 'unknown role "king"' },
    ]);
    expect(checkRoleBinding('guarantor', 'bad actor!')).toHaveLength(1);
  });
});

describe('the permission table', () => {
  it('gives every role only known verbs, and user.manage only to admins', () => {
    for (const role of ROLES)
      for (const verb of ROLE_VERBS[role]) expect(Object.keys(VERBS)).toContain(verb);
    expect(ROLES.filter((role) => roleCan(role, 'user.manage'))).toEqual(['admin']);
  });
});
