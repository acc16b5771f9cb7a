import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@app/core';
import type { FastifyRequest } from 'fastify';
import { AuthUser } from '../authz/auth-user';
import { CurrentUser } from '../authz/current-user.decorator';
import { RequirePermission } from '../authz/require-permission.decorator';
import { RegisteredResponse } from '../users/dto/user.response';
import { UserEntity } from '../users/user.entity';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { RegisterDto } from './dto/register.dto';
import { TokenPairResponse } from './dto/token-pair.response';
import { LocalAuthGuard } from './local-auth.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'A family member creates an account. Public.' })
  @ApiCreatedResponse({ type: RegisteredResponse })
  @ApiBadRequestResponse({
    description: 'A field is missing or invalid, the password is too short or common, or an unknown field was sent',
  })
  @ApiConflictResponse({ description: 'The e-mail is already registered' })
  @ApiTooManyRequestsResponse({ description: 'Too many registrations from this address' })
  async register(@Body() dto: RegisterDto, @Req() request: FastifyRequest): Promise<RegisteredResponse> {
    const user = await this.auth.register(dto, request.ip);
    return { id: user.id, email: user.email, role: 'family' };
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password (passport-local). Public.' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is deactivated' })
  @ApiTooManyRequestsResponse({ description: 'Too many failures for this account or address; see Retry-After' })
  login(@Req() request: FastifyRequest & { user: UserEntity }): Promise<TokenPairResponse> {
    return this.auth.login(request.user);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair. A token used twice revokes its session. Public.' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'Invalid, expired, revoked or already used' })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @RequirePermission('profile:read')
  @ApiOperation({ summary: 'Revoke the current session: its access and refresh tokens stop working.' })
  @ApiNoContentResponse()
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user.sessionId);
  }
}
