import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Permission, rolesWith } from './permissions';

export const REQUIRED_PERMISSION = 'requiredPermission';

/** Declares what a route needs; the global permission guard refuses every route that declares nothing. */
export function RequirePermission(permission: Permission): MethodDecorator & ClassDecorator {
  const roles = rolesWith(permission).join(', ');
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiExtension('x-roles', rolesWith(permission)),
    ApiUnauthorizedResponse({ description: 'No valid access token' }),
    ApiForbiddenResponse({ description: `Roles allowed: ${roles} (permission ${permission})` }),
  );
}
