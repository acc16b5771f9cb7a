import type { IncomingHttpHeaders } from 'node:http';
import { Strategy } from 'passport-strategy';
import { AccessClaims } from './token.service';

type Verified = (error: unknown, user?: unknown) => void;

/**
 * A passport strategy for `Authorization: Bearer <access token>`: `checkToken` decides whether the
 * token is genuine and current, then `verify` (the Nest strategy's `validate`) whether its session
 * still holds. Any failure is a plain 401, without saying which check refused.
 */
export class BearerTokenStrategy extends Strategy {
  constructor(
    private readonly checkToken: (token: string) => AccessClaims | null,
    private readonly verify: (claims: AccessClaims, done: Verified) => void,
  ) {
    super();
  }

  override authenticate(req: { headers: IncomingHttpHeaders }): void {
    const token = bearerToken(req.headers.authorization);
    const claims = token ? this.checkToken(token) : null;
    if (!claims) return this.fail(401);
    this.verify(claims, (error, user) => {
      if (error) this.error(error instanceof Error ? error : new Error(String(error)));
      else if (user) this.success(user);
      else this.fail(401);
    });
  }
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const BEARER = /^bearer +(\S+) *$/i;

/** The token of an `Authorization: Bearer <token>` header (the scheme in any case), or null. */
export function bearerToken(header: string | undefined): string | null {
  const token = header ? BEARER.exec(header)?.[1] : undefined;
  return token !== undefined && looksLikeJwt(token) ? token : null;
}

/** Has the three dot-separated base64url parts of a JWT (says nothing of its validity). */
export function looksLikeJwt(value: string): boolean {
  return value.length <= 4096 && JWT_SHAPE.test(value);
}
