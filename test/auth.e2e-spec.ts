import { JwtService } from '@nestjs/jwt';
import { SessionsRepository } from '@app/identity';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { login, PASSWORD, signInStaff, signUpFamily, uniqueEmail } from './support/factories';

describe('Accounts and sign-in (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ loginMaxFailuresPerAccount: 3, loginMaxFailuresPerIp: 1000 });
  });

  afterAll(async () => {
    await api.close();
  });

  it('registers a family member, signs in and answers /me', async () => {
    const email = uniqueEmail('Olena');
    const registered = await api.http
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, fullName: 'Олена Коваленко', phone: '+380501234567', language: 'uk' })
      .expect(201);
    expect(registered.body).toEqual({ id: expect.any(String), email: email.toLowerCase(), role: 'family' });

    const tokens = await login(api, email);
    const me = await api.http.get('/api/me').set(tokens.auth).expect(200);
    expect(me.body).toEqual({
      id: registered.body.id,
      email: email.toLowerCase(),
      fullName: 'Олена Коваленко',
      role: 'family',
      language: 'uk',
    });
    expect(me.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('refuses a second account with the same e-mail (409)', async () => {
    const family = await signUpFamily(api);
    const res = await api.http
      .post('/api/auth/register')
      .send({ email: family.email.toUpperCase(), password: PASSWORD, fullName: 'X' })
      .expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', requestId: expect.any(String) });
  });

  it('refuses a role sent at registration, naming the field (400), and writes nothing', async () => {
    const email = uniqueEmail('sneaky');
    const res = await api.http
      .post('/api/auth/register')
      .send({ email, password: PASSWORD, fullName: 'X', role: 'admin' })
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'role', rule: 'unknown_field' })]);
    await api.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
  });

  it.each([
    ['a short password', { password: 'short-1' }, 'password'],
    ['a common password', { password: 'qwerty123456' }, 'password'],
    ['a bad e-mail', { email: 'not-an-email' }, 'email'],
    ['a bad phone', { phone: '0501234567' }, 'phone'],
    ['a bad language', { language: 'ru' }, 'language'],
    ['no name', { fullName: undefined }, 'fullName'],
  ])('refuses %s at registration (400 naming the field)', async (_label, change, field) => {
    const body = { email: uniqueEmail('bad'), password: PASSWORD, fullName: 'X', ...change };
    const res = await api.http.post('/api/auth/register').send(body).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 401 to a wrong password, and the same to an unknown e-mail', async () => {
    const family = await signUpFamily(api);
    const wrong = await api.http
      .post('/api/auth/login')
      .send({ email: family.email, password: 'not-the-password-at-all' })
      .expect(401);
    const unknown = await api.http
      .post('/api/auth/login')
      .send({ email: uniqueEmail('nobody'), password: PASSWORD })
      .expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('refuses a login body with unknown fields or wrong types (400)', async () => {
    const res = await api.http
      .post('/api/auth/login')
      .send({ email: 'a@b.c', password: 'x', remember: true })
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'remember' })]);
    await api.http.post('/api/auth/login').send({ email: 42, password: 'x' }).expect(400);
  });

  it('rotates refresh tokens; reusing an old one revokes the whole session', async () => {
    const family = await signUpFamily(api);
    const first = await api.http.post('/api/auth/refresh').send({ refreshToken: family.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(family.refreshToken);
    const second = await api.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);

    // The first token again: reuse. The session dies, and with it the newest tokens.
    await api.http.post('/api/auth/refresh').send({ refreshToken: family.refreshToken }).expect(401);
    await api.http.post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    await api.http
      .get('/api/me')
      .set({ Authorization: `Bearer ${second.body.accessToken}` })
      .expect(401);

    // Another session of the same person is untouched.
    const other = await login(api, family.email);
    await api.http.get('/api/me').set(other.auth).expect(200);
  });

  it('logout revokes the session at once', async () => {
    const family = await signUpFamily(api);
    await api.http.post('/api/auth/logout').set(family.auth).expect(204);
    await api.http.get('/api/me').set(family.auth).expect(401);
    await api.http.post('/api/auth/refresh').send({ refreshToken: family.refreshToken }).expect(401);
  });

  it('answers 401 with no token, a forged token or an expired one', async () => {
    await api.http.get('/api/me').expect(401);
    await api.http.get('/api/me').set({ Authorization: 'Bearer not.a.jwt' }).expect(401);
    const family = await signUpFamily(api);
    const claims = JSON.parse(Buffer.from(family.accessToken.split('.')[1], 'base64url').toString());
    const forged = new JwtService({ secret: 'x'.repeat(40) }).sign({ ...claims, role: 'admin' });
    await api.http
      .get('/api/me')
      .set({ Authorization: `Bearer ${forged}` })
      .expect(401);
    const jwt = api.app.get(JwtService);
    const expired = await jwt.signAsync({ sub: claims.sub, sid: claims.sid, role: 'family' }, { expiresIn: -10 });
    await api.http
      .get('/api/me')
      .set({ Authorization: `Bearer ${expired}` })
      .expect(401);
    const valid = await jwt.signAsync({ sub: claims.sub, sid: claims.sid, role: 'family' });
    await api.http
      .get('/api/me')
      .set({ Authorization: `Bearer ${valid}` })
      .expect(200);
    // The scheme is case-insensitive; any other scheme, or the token alone, is no bearer token.
    await api.http
      .get('/api/me')
      .set({ Authorization: `bearer ${valid}` })
      .expect(200);
    await api.http
      .get('/api/me')
      .set({ Authorization: `Basic ${valid}` })
      .expect(401);
    await api.http.get('/api/me').set({ Authorization: valid }).expect(401);
    await api.http
      .get('/api/me')
      .set({ Authorization: `Bearer ${valid}.x` })
      .expect(401);
  });

  it('throttles repeated failures per account with 429 and Retry-After, and the right password waits too', async () => {
    const family = await signUpFamily(api);
    for (let i = 0; i < 3; i++) {
      await api.http
        .post('/api/auth/login')
        .send({ email: family.email, password: `wrong-password-${i}` })
        .expect(401);
    }
    const blocked = await api.http
      .post('/api/auth/login')
      .send({ email: family.email, password: PASSWORD })
      .expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // Another account from the same address is not locked out.
    const other = await signUpFamily(api);
    await api.http.post('/api/auth/login').send({ email: other.email, password: PASSWORD }).expect(200);
  });
});

describe('Staff accounts (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('lets an admin create, list, re-role and deactivate staff; a deactivated account stops at once', async () => {
    const admin = await signInStaff(api, 'admin');
    const email = uniqueEmail('caseworker');
    const created = await api.http
      .post('/api/users')
      .set(admin.auth)
      .send({ email, password: PASSWORD, fullName: 'Ірина Кравець', role: 'caseworker' })
      .expect(201);
    expect(created.body).toMatchObject({ email, role: 'caseworker', active: true });
    expect(created.body.passwordHash).toBeUndefined();

    const caseworker = await login(api, email);
    await api.http.get('/api/me').set(caseworker.auth).expect(200);

    const listed = await api.http.get('/api/users?role=caseworker&limit=100').set(admin.auth).expect(200);
    expect(listed.body.items.map((u: { id: string }) => u.id)).toContain(created.body.id);

    await api.http.patch(`/api/users/${created.body.id}`).set(admin.auth).send({ role: 'council' }).expect(200);
    const me = await api.http.get('/api/me').set(caseworker.auth).expect(200);
    expect(me.body.role).toBe('council');

    await api.http.patch(`/api/users/${created.body.id}`).set(admin.auth).send({ active: false }).expect(200);
    await api.http.get('/api/me').set(caseworker.auth).expect(401);
    await api.http.post('/api/auth/refresh').send({ refreshToken: caseworker.refreshToken }).expect(401);
    await api.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
  });

  it('refuses admin routes to a family member, a caseworker and a council member (403), and to strangers (401)', async () => {
    for (const who of [
      await signUpFamily(api),
      await signInStaff(api, 'caseworker'),
      await signInStaff(api, 'council'),
    ]) {
      await api.http.get('/api/users').set(who.auth).expect(403);
      await api.http
        .post('/api/users')
        .set(who.auth)
        .send({ email: uniqueEmail('x'), password: PASSWORD, fullName: 'X', role: 'admin' })
        .expect(403);
    }
    await api.http.get('/api/users').expect(401);
  });

  it('refuses to make a family account staff, to demote oneself, and bad bodies', async () => {
    const admin = await signInStaff(api, 'admin');
    const family = await signUpFamily(api);
    await api.http.patch(`/api/users/${family.id}`).set(admin.auth).send({ role: 'council' }).expect(422);
    await api.http.patch(`/api/users/${admin.id}`).set(admin.auth).send({ active: false }).expect(422);
    const bad = await api.http
      .patch(`/api/users/${family.id}`)
      .set(admin.auth)
      .send({ role: 'king', extra: 1 })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'role']);
    await api.http.patch('/api/users/not-a-uuid').set(admin.auth).send({ active: false }).expect(400);
    await api.http.get('/api/users/8d3c1c5e-3f1a-4b7e-9d7a-1a2b3c4d5e6f').set(admin.auth).expect(404);
    await api.http
      .post('/api/users')
      .set(admin.auth)
      .send({ email: uniqueEmail('x'), password: PASSWORD, fullName: 'X', role: 'family' })
      .expect(400);
  });

  it('pages the account list with a hard limit', async () => {
    const admin = await signInStaff(api, 'admin');
    await signInStaff(api, 'caseworker');
    await api.http.get('/api/users?limit=101').set(admin.auth).expect(400);
    const page = await api.http.get('/api/users?limit=1').set(admin.auth).expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await api.http.get(`/api/users?limit=1&cursor=${page.body.nextCursor}`).set(admin.auth).expect(200);
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    await api.http.get('/api/users?cursor=garbage').set(admin.auth).expect(400);
  });

  it('records account changes in the append-only audit trail', async () => {
    const admin = await signInStaff(api, 'admin');
    const created = await api.http
      .post('/api/users')
      .set(admin.auth)
      .send({ email: uniqueEmail('council'), password: PASSWORD, fullName: 'Council', role: 'council' })
      .expect(201);
    const db = api.app.get(DataSource);
    const rows = await db.query(`SELECT action, actor_id, request_id FROM audit_log WHERE entity_id = $1`, [
      created.body.id,
    ]);
    expect(rows).toEqual([{ action: 'user.create', actor_id: admin.id, request_id: expect.any(String) }]);
    await expect(db.query(`UPDATE audit_log SET action = 'x' WHERE entity_id = $1`, [created.body.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM audit_log WHERE entity_id = $1`, [created.body.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('prunes sessions that ended over a week ago, and keeps the others', async () => {
    const family = await signUpFamily(api);
    const db = api.app.get(DataSource);
    const [old, recent] = [crypto.randomUUID(), crypto.randomUUID()];
    await db.query(
      `INSERT INTO sessions (id, user_id, expires_at, revoked_at, revoked_reason)
       VALUES ($1, $3, now() + interval '1 day', now() - interval '8 days', 'logout'),
              ($2, $3, now() + interval '1 day', now() - interval '1 day', 'logout')`,
      [old, recent, family.id],
    );
    expect(await api.app.get(SessionsRepository).pruneEnded(7)).toBeGreaterThanOrEqual(1);
    const left = await db.query(`SELECT id FROM sessions WHERE id IN ($1, $2)`, [old, recent]);
    expect(left).toEqual([{ id: recent }]);
    await api.http.get('/api/me').set(family.auth).expect(200);
  });
});
