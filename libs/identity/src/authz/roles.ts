export const ROLES = ['family', 'caseworker', 'council', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['caseworker', 'council', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaff(role: Role): boolean {
  return role !== 'family';
}
