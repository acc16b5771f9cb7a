import { DomainError } from '@app/core';
import { AuthUser } from './auth-user';
import { can, Permission } from './permissions';

/**
 * The one place that decides access to a single object. A caller who may not see an object
 * learns nothing about it: the answer is the same 404 as for an id that does not exist.
 */
export function assertCanRead(
  user: AuthUser,
  object: { ownerId: string | null } | null | undefined,
  entity: string,
  readAll: Permission,
): asserts object is { ownerId: string | null } {
  if (!object) throw DomainError.notFound(entity);
  if (can(user.role, readAll)) return;
  if (object.ownerId !== null && object.ownerId === user.id) return;
  throw DomainError.notFound(entity);
}

/**
 * Change rights on an object the caller may already see: allowed with the broad permission, or
 * when the caller is the object's holder; otherwise 403 (the caller knows the object exists).
 */
export function assertCanChange(
  user: AuthUser,
  holderId: string | null,
  changeAny: Permission,
  message = 'Only its holder or council may change this',
): void {
  if (can(user.role, changeAny)) return;
  if (holderId !== null && holderId === user.id) return;
  throw DomainError.forbidden(message);
}
