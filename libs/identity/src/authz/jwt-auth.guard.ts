import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Observable } from 'rxjs';
import { DomainError, IS_PUBLIC } from '@app/core';
import { looksLikeJwt } from '../auth/bearer-token.strategy';
import { cookieValue, TOKEN_COOKIE } from './token-cookie.decorator';

/**
 * Global: every route needs a valid access token unless it is marked @Public(). A route marked
 * @AcceptTokenCookie() also takes it from that cookie when no `Authorization` header came.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): boolean | Promise<boolean> | Observable<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const cookie = this.reflector.get<string | undefined>(TOKEN_COOKIE, context.getHandler());
    if (cookie) {
      const headers = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers;
      const token = headers.authorization ? null : cookieValue(headers.cookie, cookie);
      if (token && looksLikeJwt(token)) headers.authorization = `Bearer ${token}`;
    }
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof DomainError) throw error;
    if (error || !user) throw new DomainError('unauthenticated', 'A valid access token is required');
    return user;
  }
}
