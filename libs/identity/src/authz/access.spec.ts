import { DomainError } from '@app/core';
import { assertCanChange, assertCanRead } from './access';
import { AuthUser } from './auth-user';
import { Role } from './roles';

function userOf(role: Role, id = `${role}-1`): AuthUser {
  return { id, role, email: `${id}@example.test`, fullName: id, language: 'uk', sessionId: 's', requestId: 'r' };
}

describe(assertCanRead.name, () => {
  it.each([
    ['family', 'family-1', true],
    ['family', 'someone-else', false],
    ['caseworker', 'someone-else', true],
    ['council', 'someone-else', true],
    ['admin', 'someone-else', false],
  ] as const)('%s reading an object owned by %s: %s', (role, ownerId, allowed) => {
    const run = (): void => assertCanRead(userOf(role), { ownerId }, 'Inquiry', 'inquiries:read_all');
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(new DomainError('not_found', 'Inquiry not found'));
  });

  it('answers a missing object exactly as a foreign one', () => {
    const missing = (() => {
      try {
        assertCanRead(userOf('family'), null, 'Inquiry', 'inquiries:read_all');
      } catch (e) {
        return e;
      }
    })() as DomainError;
    const foreign = (() => {
      try {
        assertCanRead(userOf('family'), { ownerId: 'x' }, 'Inquiry', 'inquiries:read_all');
      } catch (e) {
        return e;
      }
    })() as DomainError;
    expect([missing.code, missing.message]).toEqual([foreign.code, foreign.message]);
  });
});

describe(assertCanChange.name, () => {
  it.each([
    ['caseworker', 'caseworker-1', true],
    ['caseworker', 'caseworker-2', false],
    ['caseworker', null, false],
    ['council', 'caseworker-2', true],
  ] as const)('%s changing an object held by %s: %s', (role, holderId, allowed) => {
    const run = (): void => assertCanChange(userOf(role), holderId, 'cases:assign_any');
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(DomainError);
  });
});
