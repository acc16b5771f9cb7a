import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@app/core';
import { bearerToken } from '@app/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BOARD_PATH } from './queues-board.service';

export const BOARD_COOKIE = 'portal_queues';

/**
 * A browser cannot add a bearer header to the board's page loads, so an administrator first
 * POSTs to /api/admin/queues/session with the token; the answer sets it as a cookie that the
 * browser sends only to /api/admin/queues (HttpOnly, SameSite=Strict, Secure over https). The
 * token is checked exactly as a header would be (signature, expiry, session, role) on every
 * request, so signing out or deactivation ends the board session too. The board's routes take it
 * from the cookie (`@AcceptTokenCookie`); the session route does not, so a cookie cannot renew itself.
 */
@Injectable()
export class BoardSessionService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  setCookie(request: FastifyRequest, reply: FastifyReply): void {
    const token = bearerToken(request.headers.authorization);
    if (!token) return;
    const maxAge = Math.max(1, secondsLeft(token) ?? this.config.accessTokenTtlSeconds);
    const secure = this.config.publicUrl.startsWith('https:') || this.config.nodeEnv === 'production';
    void reply.header(
      'set-cookie',
      `${BOARD_COOKIE}=${token}; Path=${BOARD_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`,
    );
  }
}

/** Seconds until the token's `exp` (already verified by the guard; read here only for the cookie's lifetime). */
function secondsLeft(token: string): number | null {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? Math.floor(claims.exp - Date.now() / 1000) : null;
  } catch {
    return null;
  }
}
