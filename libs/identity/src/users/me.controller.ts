import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../authz/auth-user';
import { CurrentUser } from '../authz/current-user.decorator';
import { RequirePermission } from '../authz/require-permission.decorator';
import { MeResponse } from './dto/user.response';

@ApiTags('auth')
@Controller('me')
export class MeController {
  @Get()
  @RequirePermission('profile:read')
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() user: AuthUser): MeResponse {
    return { id: user.id, email: user.email, fullName: user.fullName, role: user.role, language: user.language };
  }
}
