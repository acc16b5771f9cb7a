import type { Test } from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { SignedIn, signInStaff, signUpFamily } from './support/factories';
import { createExchange } from './support/exchanges-factories';
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

  describe('?caseId=: who read or changed one case', () => {
    it('gives its own entries and the lists that showed it, and nothing about other cases', async () => {
      const from = (await db.query(`SELECT now() AS at`))[0].at.toISOString();
      const reader = await signInStaff(api, 'caseworker');
      const [target, other] = caseIds;
      // A list that shows both cases, a read of the other only, an exchange list that shows the target.
      const list = await api.http.get('/api/cases').query({ assigneeId: caseworker.id }).set(reader.auth).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([target, other]));
      await api.http.get(`/api/cases/${other}`).set(reader.auth).expect(200);
      const exchange = await createExchange(api, council);
      // Council lists the exchange when only the other case is on it, the reader once the target is too.
      for (const [caseId, who] of [
        [other, council],
        [target, reader],
      ] as const) {
        await api.http
          .post(`/api/exchanges/${exchange.id}/cases`)
          .set(council.auth)
          .send({ caseId, outcome: 'listed_not_returned' })
          .expect(200);
        await api.http.get(`/api/exchanges/${exchange.id}/cases`).set(who.auth).expect(200);
      }
      const to = new Date(Date.now() + 60_000).toISOString();

      const seen = await audit(council, { caseId: target.toUpperCase(), from, to, limit: 100 });
      const summary = seen.items.map((e) => `${e.actorId === reader.id ? 'reader' : 'council'} ${e.action}`);
      expect(summary).toContain('reader case.list');
      expect(summary).toContain('reader exchange.list_cases');
      // The exchange list read before the target was linked did not show it; the other case's read is not about it.
      expect(summary.filter((s) => s === 'council exchange.list_cases')).toEqual([]);
      expect(summary).not.toContain('reader case.read');
      for (const e of seen.items) {
        const ids = (e.details?.ids as string[] | undefined) ?? [];
        expect(e.entityId === target || ids.includes(target)).toBe(true);
      }
      // Before the range: only what the setup did (a read and a contact by the caseworker).
      const setup = await audit(council, { caseId: target, from: startedAt, to: from });
      expect(setup.items.map((e) => e.action)).toEqual(['case.contact', 'case.read']);
    });

    it("counts a merged duplicate's entries and returnee lists that showed the case", async () => {
      const from = (await db.query(`SELECT now() AS at`))[0].at.toISOString();
      const reader = await signInStaff(api, 'caseworker');
      const [survivor, duplicate, unrelated] = await seedCases(api, 3, { assigneeId: caseworker.id });
      await api.http.get(`/api/cases/${duplicate}`).set(reader.auth).expect(200);
      await api.http.get(`/api/cases/${unrelated}`).set(reader.auth).expect(200);
      await api.http
        .post(`/api/cases/${duplicate}/merge`)
        .set(council.auth)
        .send({ intoCaseId: survivor.toUpperCase() })
        .expect(200);
      // A returnee list read records the candidate cases it showed under caseIds (exchanges context).
      await db.query(
        `INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, details)
         VALUES ($1, 'caseworker', 'exchange.read_batch', 'exchange', gen_random_uuid()::text, $2)`,
        [reader.id, JSON.stringify({ batchId: 'b', rows: [1], caseIds: [duplicate] })],
      );
      const to = new Date(Date.now() + 60_000).toISOString();
      const seen = await audit(council, { caseId: survivor, from, to });
      const byReader = seen.items.filter((e) => e.actorId === reader.id).map((e) => [e.action, e.entityId]);
      expect(byReader).toEqual([
        ['exchange.read_batch', expect.any(String)],
        ['case.read', duplicate],
      ]);
      expect(seen.items.map((e) => e.action)).toEqual(expect.arrayContaining(['case.merge_in', 'case.merge_away']));
    });

    it.each([
      ['no time range', {}, ['from', 'to']],
      ['no end', { from: '2026-01-01T00:00:00Z' }, ['to']],
      ['more than 31 days', { from: '2026-01-01T00:00:00Z', to: '2026-02-02T00:00:00Z' }, ['to']],
      ['an entity too', { entity: 'case', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, ['entity']],
      ['an entity id too', { entityId: 'x', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, ['entityId']],
      ['a compact date', { from: '20000101', to: '2026-01-02T00:00:00Z' }, ['from']],
      ['a week date', { from: '2026-W01-1', to: '2026-01-02T00:00:00Z' }, ['from']],
      ['a time without offset', { from: '2026-01-01T00:00:00', to: '2026-01-02T00:00:00Z' }, ['from']],
    ])('refuses a case question with %s (400 naming the fields)', async (_label, query, fields) => {
      const res = await api.http
        .get('/api/audit')
        .query({ caseId: caseIds[0], ...query })
        .set(council.auth)
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(fields);
    });

    it('refuses a case id that is not one (400), and is closed to caseworkers (403) and strangers (401)', async () => {
      const ask = (caseId: string, who: SignedIn | null): Test => {
        const request = api.http
          .get('/api/audit')
          .query({ caseId, from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' });
        return who ? request.set(who.auth) : request;
      };
      await ask('CASE-1', council).expect(400);
      for (const [who, status] of [
        [caseworker, 403],
        [family, 403],
        [null, 401],
        [admin, 200],
        [council, 200],
      ] as const) {
        expect([who?.email, (await ask(caseIds[0], who)).status]).toEqual([who?.email, status]);
      }
    });
  });
});
