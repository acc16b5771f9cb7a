import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, IS_PUBLIC } from '@app/core';
import { can, Permission } from './permissions';
import { REQUIRED_PERMISSION } from './require-permission.decorator';
import { Role } from './roles';

/** Global: a non-public route opens only to roles holding the permission it declares. */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger(PermissionGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission) {
      this.logger.error(
        `Route ${context.getClass().name}.${context.getHandler().name} declares no permission: refused`,
      );
      throw DomainError.forbidden();
    }
    const user = context.switchToHttp().getRequest<{ user?: { role: Role } }>().user;
    if (!user || !can(user.role, permission)) throw DomainError.forbidden();
    return true;
  }
}
