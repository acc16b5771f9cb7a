import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@app/core';
import { bearerToken, looksLikeJwt } from '@app/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BOARD_PATH } from './queues-board.service';

export const BOARD_COOKIE = 'portal_queues';

/**
 * A browser cannot add a bearer header to the board's page loads, so an administrator first
 * POSTs to /api/admin/queues/session with the token; the answer sets it as a cookie that the
 * browser sends only to /api/admin/queues (HttpOnly, SameSite=Strict, Secure over https). The
 * token is checked exactly as a header would be (signature, expiry, session, role) on every
 * request, so signing out or deactivation ends the board session too.
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

/** Lets the board's own requests carry the token in the cookie when they have no bearer header. */
@Injectable()
export class BoardCookieMiddleware implements NestMiddleware {
  use(request: IncomingMessage & { originalUrl?: string }, _response: ServerResponse, next: () => void): void {
    // The middleware layer strips its mount path from `url`; `originalUrl` is the request's own.
    const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
    if (!request.headers.authorization && path !== `${BOARD_PATH}/session`) {
      const token = cookie(request.headers.cookie, BOARD_COOKIE);
      if (token && looksLikeJwt(token)) request.headers.authorization = `Bearer ${token}`;
    }
    next();
  }
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
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
