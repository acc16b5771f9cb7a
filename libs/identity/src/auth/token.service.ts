import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, APP_CONFIG, DomainError } from '@app/core';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Role } from '../authz/roles';
import { SessionCache } from './session-cache';
import { SessionsRepository } from './sessions.repository';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
}

const INVALID = 'The refresh token is invalid or expired';

/**
 * Short-lived JWT access tokens bound to a session, and rotating single-use refresh tokens
 * stored as SHA-256 hashes. Presenting a refresh token twice revokes its whole session.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionsRepository,
    private readonly sessionCache: SessionCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async startSession(userId: string, role: Role): Promise<TokenPair> {
    const sessionId = randomUUID();
    const expiresAt = new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
    return this.sessions.transaction(async (m) => {
      await this.sessions.createSession(m, sessionId, userId, expiresAt);
      const refreshToken = await this.issueRefreshToken(m, sessionId, expiresAt);
      return {
        accessToken: await this.sign({ sub: userId, sid: sessionId, role }),
        refreshToken,
        expiresIn: this.config.accessTokenTtlSeconds,
      };
    });
  }

  /** Rotates a refresh token. Returns the new pair, or throws 401; a reused token revokes the session first. */
  async rotate(
    presented: string,
    roleOf: (userId: string, m: EntityManager) => Promise<Role | null>,
  ): Promise<TokenPair> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) throw new DomainError('unauthenticated', INVALID);
    const outcome = await this.sessions.transaction(async (m) => {
      const row = await this.sessions.findRefreshTokenForUpdate(m, parsed.id);
      if (!row || !sameHash(row.token_hash, hashSecret(parsed.secret))) return { kind: 'invalid' as const };
      if (row.session_revoked_at) return { kind: 'invalid' as const };
      if (row.used_at) {
        await this.sessions.revokeSession(m, row.session_id, 'reuse_detected');
        return { kind: 'reused' as const, userId: row.user_id, sessionId: row.session_id };
      }
      if (row.expires_at.getTime() <= Date.now() || row.session_expires_at.getTime() <= Date.now()) {
        return { kind: 'invalid' as const };
      }
      const role = await roleOf(row.user_id, m);
      if (!role) return { kind: 'invalid' as const };
      await this.sessions.markUsed(m, row.id);
      const refreshToken = await this.issueRefreshToken(m, row.session_id, row.session_expires_at);
      const accessToken = await this.sign({ sub: row.user_id, sid: row.session_id, role });
      return {
        kind: 'rotated' as const,
        pair: { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds },
      };
    });
    if (outcome.kind === 'rotated') return outcome.pair;
    if (outcome.kind === 'reused') {
      await this.sessionCache.invalidateSession(outcome.sessionId);
      throw new DomainError(
        'unauthenticated',
        'This refresh token was already used: the session has been revoked, sign in again',
      );
    }
    throw new DomainError('unauthenticated', INVALID);
  }

  async revokeSession(sessionId: string, reason: 'logout'): Promise<void> {
    await this.sessions.transaction((m) => this.sessions.revokeSession(m, sessionId, reason));
    await this.sessionCache.invalidateSession(sessionId);
  }

  private sign(claims: AccessClaims): Promise<string> {
    return this.jwt.signAsync(claims);
  }

  private async issueRefreshToken(m: EntityManager, sessionId: string, expiresAt: Date): Promise<string> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.sessions.insertRefreshToken(m, id, sessionId, hashSecret(secret), expiresAt);
    return `${id}.${secret}`;
  }
}

function parseRefreshToken(token: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
