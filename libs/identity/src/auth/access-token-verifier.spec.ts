import { sign } from 'jsonwebtoken';
import { AccessTokenVerifier, JWT_AUDIENCE, JWT_ISSUER } from './access-token-verifier';

const SECRET = 'a-secret-of-the-test-only-0123456789';
const claims = {
  sub: '7c0b8f5e-2f0a-4c1e-9a51-3f8e2d1c0b9a',
  sid: 'b1e4c8d2-5a3f-4e7b-8c9d-0a1b2c3d4e5f',
  role: 'caseworker',
};

function token(overrides: { secret?: string; expiresIn?: number; audience?: string; issuer?: string } = {}): string {
  return sign(claims, overrides.secret ?? SECRET, {
    algorithm: 'HS256',
    expiresIn: overrides.expiresIn ?? 900,
    audience: overrides.audience ?? JWT_AUDIENCE,
    issuer: overrides.issuer ?? JWT_ISSUER,
  });
}

describe(AccessTokenVerifier.name, () => {
  afterEach(() => jest.useRealTimers());

  it('accepts a genuine current token, the second time from memory', () => {
    const verifier = new AccessTokenVerifier(SECRET);
    const t = token();
    const first = verifier.verify(t);
    expect(first).toMatchObject(claims);
    expect(verifier.verify(t)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it.each<[string, string]>([
    ['another secret', token({ secret: 'another-secret-of-the-test-0123456789' })],
    ['another audience', token({ audience: 'someone-else' })],
    ['another issuer', token({ issuer: 'someone-else' })],
    ['an expired token', token({ expiresIn: -10 })],
    [
      'no signature (alg none)',
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${token().split('.')[1]}.`,
    ],
    [
      'a changed payload',
      (() => {
        const [h, , s] = token().split('.');
        const p = Buffer.from(JSON.stringify({ ...claims, role: 'council', exp: 9_999_999_999 })).toString('base64url');
        return `${h}.${p}.${s}`;
      })(),
    ],
    [
      'claims of another shape',
      sign({ sub: 1 }, SECRET, { algorithm: 'HS256', audience: JWT_AUDIENCE, issuer: JWT_ISSUER, expiresIn: 900 }),
    ],
    ['no expiry', sign(claims, SECRET, { algorithm: 'HS256', audience: JWT_AUDIENCE, issuer: JWT_ISSUER })],
    ['not a token', 'a.b.c'],
  ])('refuses %s', (_what, t) => {
    expect(new AccessTokenVerifier(SECRET).verify(t)).toBeNull();
  });

  it('refuses a remembered token from its expiry second on', () => {
    jest.useFakeTimers({ now: new Date('2026-06-01T12:00:00Z') });
    const verifier = new AccessTokenVerifier(SECRET);
    const t = token({ expiresIn: 60 });
    expect(verifier.verify(t)).not.toBeNull();
    jest.setSystemTime(new Date('2026-06-01T12:00:59Z'));
    expect(verifier.verify(t)).not.toBeNull();
    jest.setSystemTime(new Date('2026-06-01T12:01:00Z'));
    expect(verifier.verify(t)).toBeNull();
    expect(verifier.verify(t)).toBeNull();
  });
});
