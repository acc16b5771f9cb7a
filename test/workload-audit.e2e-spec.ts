import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { SignedIn, signInStaff, signUpFamily } from './support/factories';
import { seedCases } from './support/workload-fixtures';

interface Entry {
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}

describe('Audit view (e2e)', () => {
  let api: TestApi;
  let db: DataSource;
  let council: SignedIn;
  let admin: SignedIn;
  let caseworker: SignedIn;
  let family: SignedIn;
  let caseIds: string[];
  let startedAt: string;

  const audit = async (who: SignedIn, query: Record<string, string | number>) =>
    (await api.http.get('/api/audit').query(query).set(who.auth).expect(200)).body as {
      items: Entry[];
      nextCursor: string | null;
    };

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    [council, admin, caseworker] = await Promise.all([
      signInStaff(api, 'council'),
      signInStaff(api, 'admin'),
      signInStaff(api, 'caseworker'),
    ]);
    family = await signUpFamily(api);
    startedAt = (await db.query(`SELECT now() AS at`))[0].at.toISOString();
    // Known activity: the caseworker reads and logs contacts on three cases of theirs.
    caseIds = await seedCases(api, 3, { assigneeId: caseworker.id });
    for (const id of caseIds) {
      await api.http.get(`/api/cases/${id}`).set(caseworker.auth).expect(200);
      await api.http
        .post(`/api/cases/${id}/contacts`)
        .set(caseworker.auth)
        .send({ channel: 'phone', summary: 'Дзвінок', visibility: 'internal' })
        .expect(201);
    }
  });

  afterAll(async () => {
    await api.close();
  });

  it('filters by actor, newest first, in cursor pages that neither skip nor repeat', async () => {
    const all = await audit(council, { actorId: caseworker.id, limit: 100 });
    expect(all.items.map((e) => [e.action, e.entityId])).toEqual(
      [...caseIds].reverse().flatMap((id) => [
        ['case.contact', id],
        ['case.read', id],
      ]),
    );
    expect(all.items[0]).toMatchObject({ actorId: caseworker.id, actorRole: 'caseworker', entity: 'case' });
    expect(all.items[0].details).toMatchObject({ channel: 'phone', visibility: 'internal' });
    expect(all.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await audit(admin, {
        actorId: caseworker.id,
        limit: 4,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((e) => e.id));
  });

  it('filters by entity and id, by action, and by time', async () => {
    const one = await audit(council, { entity: 'case', entityId: caseIds[1] });
    expect(one.items.map((e) => e.action)).toEqual(['case.contact', 'case.read']);
    const contacts = await audit(council, { action: 'case.contact', actorId: caseworker.id });
    expect(contacts.items).toHaveLength(3);

    const now = (await db.query(`SELECT now() AS at`))[0].at.toISOString();
    const before = await audit(council, { actorId: caseworker.id, to: startedAt });
    expect(before.items).toEqual([]);
    const during = await audit(council, { actorId: caseworker.id, from: startedAt, to: now });
    expect(during.items).toHaveLength(6);
    const later = await audit(council, { actorId: caseworker.id, from: now });
    expect(later.items).toEqual([]);
  });

  it('audits reading the audit trail itself', async () => {
    await audit(admin, { entity: 'case', entityId: caseIds[0] });
    const reads = await audit(council, { actorId: admin.id, action: 'audit.read', limit: 1 });
    expect(reads.items[0]).toMatchObject({
      actorRole: 'admin',
      entity: 'audit',
      details: { filter: { entity: 'case', entityId: caseIds[0] } },
    });
  });

  it('is for admin and council: 403 caseworker and family, 401 stranger', async () => {
    await api.http.get('/api/audit').set(caseworker.auth).expect(403);
    await api.http.get('/api/audit').set(family.auth).expect(403);
    await api.http.get('/api/audit').expect(401);
    await api.http.get('/api/audit').set(admin.auth).expect(200);
    await api.http.get('/api/audit').set(council.auth).expect(200);
  });

  it.each([
    ['a bad actor id', { actorId: 'me' }, 'actorId'],
    ['a bad entity', { entity: 'Case; DROP' }, 'entity'],
    ['a bad time', { from: 'yesterday' }, 'from'],
    ['from after to', { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, 'to'],
    ['a page over 100', { limit: 101 }, 'limit'],
    ['a forged cursor', { cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
    [
      'a cursor with a bad id',
      { cursor: Buffer.from('["2025-01-01 00:00:00+00","x"]').toString('base64url') },
      'cursor',
    ],
    ['a cursor with a bad time', { cursor: Buffer.from('["not a time","1"]').toString('base64url') }, 'cursor'],
    ['an unknown filter', { role: 'admin' }, 'role'],
  ])('refuses %s (400 naming the field)', async (_label, query, field) => {
    const res = await api.http.get('/api/audit').query(query).set(council.auth).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('cannot be changed: the database refuses UPDATE, DELETE and TRUNCATE of the audit table', async () => {
    const [entry] = (await audit(council, { entity: 'case', entityId: caseIds[2], action: 'case.read' })).items;
    await expect(db.query(`UPDATE audit_log SET actor_id = NULL WHERE id = $1`, [entry.id])).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(db.query(`DELETE FROM audit_log WHERE id = $1`, [entry.id])).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [again] = (await audit(council, { entity: 'case', entityId: caseIds[2], action: 'case.read' })).items;
    expect(again).toEqual(entry);
  });
});
