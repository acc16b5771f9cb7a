import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AppConfig, APP_CONFIG } from '@app/core';
import { AuthUser } from '../authz/auth-user';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenVerifier } from './access-token-verifier';
import { BearerTokenStrategy } from './bearer-token.strategy';
import { SessionCache } from './session-cache';
import { AccessClaims } from './token.service';

export { JWT_AUDIENCE, JWT_ISSUER } from './access-token-verifier';

/**
 * Checks the token's signature and expiry, then the account and the session in the database (or
 * the session cache, which every revocation clears): a deactivated account or a revoked session
 * stops working at once, not at token expiry.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(BearerTokenStrategy, 'jwt') {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionCache,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const tokens = new AccessTokenVerifier(config.jwtSecret);
    super((token: string) => tokens.verify(token));
  }

  async validate(claims: AccessClaims): Promise<Omit<AuthUser, 'requestId'> | false> {
    // The verifier passed only claims with string sub and sid; they must also be ids.
    if (!UUID.test(claims.sub) || !UUID.test(claims.sid)) return false;
    let row = this.sessions.get(claims.sub, claims.sid);
    if (!row) {
      const mark = this.sessions.mark();
      row = (await this.users.findForSession(claims.sub, claims.sid)) ?? undefined;
      if (row) this.sessions.put(claims.sub, claims.sid, row, mark);
    }
    if (!row || !row.active || row.revoked_at || row.expires_at.getTime() <= Date.now()) return false;
    return {
      id: row.id,
      email: row.email,
      fullName: row.full_name,
      role: row.role,
      language: row.language,
      sessionId: claims.sid,
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
