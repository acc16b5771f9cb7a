import { Role } from './roles';

/**
 * What each role may do, as one pure table. Object-level rules (a family sees only its own
 * inquiries, a caseworker changes only cases assigned to them) are decided by the services
 * through `access.ts`; this table only opens the door to a kind of route.
 */
export const PERMISSIONS = [
  'profile:read',
  'notifications:read_own',
  'inquiries:create',
  /** The inquiry reading routes: a family reads its own, staff (with read_all) every one. */
  'inquiries:read',
  'inquiries:withdraw_own',
  'inquiries:read_all',
  'inquiries:triage',
  'cases:read',
  'cases:write',
  'cases:change_any',
  'cases:assign_any',
  'cases:reopen',
  'cases:merge',
  'cases:export',
  'exchanges:read',
  'exchanges:link',
  'exchanges:manage',
  'workload:read',
  'reports:read',
  'audit:read',
  'users:manage',
  'queues:admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  family: ['profile:read', 'notifications:read_own', 'inquiries:create', 'inquiries:read', 'inquiries:withdraw_own'],
  caseworker: [
    'profile:read',
    'notifications:read_own',
    'inquiries:read',
    'inquiries:read_all',
    'inquiries:triage',
    'cases:read',
    'cases:write',
    'exchanges:read',
    'exchanges:link',
  ],
  council: [
    'profile:read',
    'notifications:read_own',
    'inquiries:read',
    'inquiries:read_all',
    'inquiries:triage',
    'cases:read',
    'cases:write',
    'cases:change_any',
    'cases:assign_any',
    'cases:reopen',
    'cases:merge',
    'cases:export',
    'exchanges:read',
    'exchanges:link',
    'exchanges:manage',
    'workload:read',
    'reports:read',
    'audit:read',
  ],
  admin: [
    'profile:read',
    'notifications:read_own',
    'workload:read',
    'reports:read',
    'audit:read',
    'users:manage',
    'queues:admin',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => can(role, permission));
}
