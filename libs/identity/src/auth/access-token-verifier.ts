import { createSecretKey, KeyObject } from 'node:crypto';
import { verify } from 'jsonwebtoken';
import { AccessClaims } from './token.service';

export const JWT_ISSUER = 'family-case-portal';
export const JWT_AUDIENCE = 'family-case-portal-api';

/** Verified tokens kept per process; the oldest go first beyond this. */
const CACHE_LIMIT = 20_000;

/**
 * Checks an access token's signature (HS256), issuer, audience and expiry with jsonwebtoken, and
 * remembers the claims of a token that passed until it expires: a client sends the same token on
 * every request for its lifetime, and the check cost more than the rest of the authentication.
 * Only tokens that passed are kept, so a flood of forged ones cannot fill the cache; a kept token
 * is refused from its expiry second on, as jsonwebtoken refuses it. Revocation is not decided
 * here: the session behind the token is checked on every request.
 */
export class AccessTokenVerifier {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, AccessClaims & { exp: number }>();

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  verify(token: string): AccessClaims | null {
    const now = Math.floor(Date.now() / 1000);
    const known = this.verified.get(token);
    if (known) {
      if (now < known.exp) return known;
      this.verified.delete(token);
      return null;
    }
    let claims: unknown;
    try {
      claims = verify(token, this.key, { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE });
    } catch {
      return null;
    }
    if (!isAccessClaims(claims)) return null;
    if (this.verified.size >= CACHE_LIMIT) this.verified.delete(this.verified.keys().next().value!);
    // Shared by every request that presents this token: nobody may change it.
    Object.freeze(claims);
    this.verified.set(token, claims);
    return claims;
  }
}

function isAccessClaims(claims: unknown): claims is AccessClaims & { exp: number } {
  if (typeof claims !== 'object' || claims === null) return false;
  const c = claims as Record<string, unknown>;
  return (
    typeof c.sub === 'string' &&
    typeof c.sid === 'string' &&
    typeof c.role === 'string' &&
    typeof c.exp === 'number' &&
    Number.isFinite(c.exp)
  );
}
