import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Page, UuidPipe } from '@app/core';
import { AuthUser } from '../authz/auth-user';
import { CurrentUser } from '../authz/current-user.decorator';
import { RequirePermission } from '../authz/require-permission.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { toUserResponse, UserPageResponse, UserResponse } from './dto/user.response';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@RequirePermission('users:manage')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff account (caseworker, council or admin)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'Invalid field, weak password or unknown field' })
  @ApiConflictResponse({ description: 'The e-mail is taken' })
  async create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.createStaff(actor, dto));
  }

  @Get()
  @ApiOperation({ summary: 'List accounts, oldest first, filtered by role and active flag' })
  @ApiOkResponse({ type: UserPageResponse })
  list(@Query() query: ListUsersQuery): Promise<Page<UserResponse>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse()
  async get(@Param('id', UuidPipe) id: string): Promise<UserResponse> {
    return toUserResponse(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a staff role or deactivate / reactivate an account (audited)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({
    description: 'A family account given a staff role, or your own account demoted or deactivated',
  })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.update(actor, id, dto));
  }
}
