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

const BEARER = /^bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) *$/i;

function bearerToken(header: string | undefined): string | null {
  if (!header || header.length > 4096) return null;
  return BEARER.exec(header)?.[1] ?? null;
}
