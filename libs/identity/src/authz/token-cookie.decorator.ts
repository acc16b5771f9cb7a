import { SetMetadata } from '@nestjs/common';

export const TOKEN_COOKIE = 'tokenCookie';

/**
 * The route also takes its access token from the named cookie when the request has no
 * `Authorization` header: for pages a browser loads itself (it cannot add a bearer header). The
 * token is then checked exactly as a header's would be. Only for routes that set no cookie
 * themselves, so that a cookie cannot renew itself.
 */
export const AcceptTokenCookie = (name: string): MethodDecorator => SetMetadata(TOKEN_COOKIE, name);

/** The value of cookie `name` in a `Cookie` header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
