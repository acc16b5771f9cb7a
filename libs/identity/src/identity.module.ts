import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '@app/core';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { SessionCache } from './auth/session-cache';
import { JWT_AUDIENCE, JWT_ISSUER, JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { SessionsRepository } from './auth/sessions.repository';
import { TokenService } from './auth/token.service';
import { JwtAuthGuard } from './authz/jwt-auth.guard';
import { PermissionGuard } from './authz/permission.guard';
import { PasswordService } from './password/password.service';
import { MeController } from './users/me.controller';
import { UserEntity } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';
import { FirstAdminBootstrap } from './users/first-admin.bootstrap';

/** Accounts, sign-in and the global guards: every route is closed unless marked @Public(). */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    PassportModule.register({ session: false }),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: {
          algorithm: 'HS256',
          expiresIn: config.accessTokenTtlSeconds,
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
        },
      }),
    }),
  ],
  controllers: [AuthController, MeController, UsersController],
  providers: [
    AuthService,
    TokenService,
    SessionsRepository,
    SessionCache,
    PasswordService,
    UsersRepository,
    UsersService,
    FirstAdminBootstrap,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [UsersService, UsersRepository, SessionsRepository, PasswordService],
})
export class IdentityModule {}
