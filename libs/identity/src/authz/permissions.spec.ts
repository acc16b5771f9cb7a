import { can, Permission, PERMISSIONS, rolesWith } from './permissions';
import { Role, ROLES } from './roles';

/** The whole table, written out: a change to who may do what must change this test too. */
const EXPECTED: Record<Permission, Role[]> = {
  'profile:read': ['family', 'caseworker', 'council', 'admin'],
  'notifications:read_own': ['family', 'caseworker', 'council', 'admin'],
  'inquiries:create': ['family'],
  'inquiries:read': ['family', 'caseworker', 'council'],
  'inquiries:withdraw_own': ['family'],
  'inquiries:read_all': ['caseworker', 'council'],
  'inquiries:triage': ['caseworker', 'council'],
  'cases:read': ['caseworker', 'council'],
  'cases:write': ['caseworker', 'council'],
  'cases:change_any': ['council'],
  'cases:assign_any': ['council'],
  'cases:reopen': ['council'],
  'cases:merge': ['council'],
  'cases:export': ['council'],
  'exchanges:read': ['caseworker', 'council'],
  'exchanges:link': ['caseworker', 'council'],
  'exchanges:manage': ['council'],
  'workload:read': ['council', 'admin'],
  'reports:read': ['council', 'admin'],
  'audit:read': ['council', 'admin'],
  'users:manage': ['admin'],
  'queues:admin': ['admin'],
};

const rows = PERMISSIONS.flatMap((permission) =>
  ROLES.map((role) => [role, permission, EXPECTED[permission].includes(role)] as const),
);

describe(can.name, () => {
  it.each(rows)('%s → %s: %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('lists every permission in the expected table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  it('never lets a family read all inquiries or any case', () => {
    expect(can('family', 'inquiries:read_all')).toBe(false);
    expect(can('family', 'cases:read')).toBe(false);
  });
});

describe(rolesWith.name, () => {
  it('names the roles that hold a permission', () => {
    expect(rolesWith('users:manage')).toEqual(['admin']);
    expect(rolesWith('cases:write')).toEqual(['caseworker', 'council']);
  });
});
