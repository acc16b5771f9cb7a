import { DataSource } from 'typeorm';
import type { Test } from 'supertest';
import { startTestApi, TestApi } from './support/api';
import { submitInquiry } from './support/cases';
import { SignedIn, signInStaff, signUpFamily } from './support/factories';
import { csvRows, rawBody, seedCases, setNewsDaysAgo } from './support/workload-fixtures';

interface Load {
  id: string;
  fullName: string;
  open: number;
  overdue: number;
  byStatus: Record<string, number>;
  oldestOpenDays: number | null;
  changedThisWeek: number;
}

const ZERO = { registered: 0, missing: 0, captivity_confirmed: 0, exchange_listed: 0, returned: 0, deceased: 0 };

describe('Workload (e2e)', () => {
  let api: TestApi;
  let db: DataSource;
  let council: SignedIn;
  let admin: SignedIn;
  let caseworker: SignedIn;
  let idle: SignedIn;
  let family: SignedIn;

  const workload = async (query: Record<string, string> = {}) =>
    (await api.http.get('/api/workload').query(query).set(council.auth).expect(200)).body as {
      overdueDays: number;
      caseworkers: Load[];
      otherHolders: (Load & { role: string; active: boolean })[];
      totals: Load & { caseworkers: number };
      unassigned: {
        cases: number;
        inquiries: number;
        overdueCases: number;
        oldestCaseDays: number | null;
        caseAges: { upTo7Days: number; upTo30Days: number; over30Days: number };
        inquiryAges: { upTo7Days: number; upTo30Days: number; over30Days: number };
        oldestCases: { id: string; ageDays: number }[];
        oldestInquiries: { id: string; ageDays: number }[];
      };
    };
  const rowOf = (w: { caseworkers: Load[] }, id: string): Load | undefined => w.caseworkers.find((c) => c.id === id);

  beforeAll(async () => {
    api = await startTestApi({ overdueDays: 30 });
    db = api.app.get(DataSource);
    [council, admin, caseworker, idle] = await Promise.all([
      signInStaff(api, 'council'),
      signInStaff(api, 'admin'),
      signInStaff(api, 'caseworker', 'Оксана Навантажена'),
      signInStaff(api, 'caseworker', 'Ярема Вільний'),
    ]);
    family = await signUpFamily(api);
  });

  afterAll(async () => {
    await api.close();
  });

  it('counts exactly what each caseworker holds: by status, overdue by the clock, oldest, changed this week', async () => {
    const overdue = await seedCases(api, 2, { assigneeId: caseworker.id, status: 'missing', newsDaysAgo: 31 });
    await seedCases(api, 1, { assigneeId: caseworker.id, status: 'missing', newsDaysAgo: 29 });
    await seedCases(api, 2, {
      assigneeId: caseworker.id,
      status: 'registered',
      category: 'military',
      createdDaysAgo: 40,
      updatedDaysAgo: 10,
      newsDaysAgo: 3,
    });
    await seedCases(api, 1, { assigneeId: caseworker.id, status: 'exchange_listed', newsDaysAgo: 45 });
    // Closed cases are never open nor overdue, but a closing this week is a change this week.
    await seedCases(api, 3, {
      assigneeId: caseworker.id,
      status: 'closed',
      newsDaysAgo: 100,
      createdDaysAgo: 200,
      updatedDaysAgo: 2,
    });

    const w = await workload();
    expect(w.overdueDays).toBe(30);
    expect(rowOf(w, caseworker.id)).toEqual({
      id: caseworker.id,
      fullName: 'Оксана Навантажена',
      role: 'caseworker',
      active: true,
      open: 6,
      overdue: 3,
      byStatus: { ...ZERO, missing: 3, registered: 2, exchange_listed: 1 },
      oldestOpenDays: 40,
      changedThisWeek: 3 + 1 + 3,
    });
    expect(rowOf(w, idle.id)).toMatchObject({
      open: 0,
      overdue: 0,
      byStatus: ZERO,
      oldestOpenDays: null,
      changedThisWeek: 0,
    });

    // By category: only the two military cases.
    const military = await workload({ category: 'military' });
    expect(rowOf(military, caseworker.id)).toMatchObject({
      open: 2,
      overdue: 0,
      byStatus: { ...ZERO, registered: 2 },
      oldestOpenDays: 40,
      changedThisWeek: 0,
    });

    // The clock: a contact resets one overdue case; time passing makes another overdue.
    await api.http
      .post(`/api/cases/${overdue[0]}/contacts`)
      .set(caseworker.auth)
      .send({ channel: 'phone', summary: 'Мати повідомлена: нових даних немає.', visibility: 'internal' })
      .expect(201);
    const fresh = await seedCases(api, 1, { assigneeId: caseworker.id, status: 'missing', newsDaysAgo: 0 });
    await setNewsDaysAgo(api, fresh, 31);
    const after = rowOf(await workload(), caseworker.id)!;
    expect(after).toMatchObject({
      open: 7,
      overdue: 3,
      byStatus: { ...ZERO, missing: 4, registered: 2, exchange_listed: 1 },
    });

    // A family-visible status change (the cases context) resets the clock too.
    await api.http
      .post(`/api/cases/${overdue[1]}/status`)
      .set(caseworker.auth)
      .send({ to: 'captivity_confirmed', evidenceSource: 'icrc_confirmation', version: 1 })
      .expect(200);
    expect(rowOf(await workload(), caseworker.id)).toMatchObject({
      open: 7,
      overdue: 2,
      byStatus: { ...ZERO, missing: 3, captivity_confirmed: 1, registered: 2, exchange_listed: 1 },
    });
  });

  it('counts unassigned cases and untriaged inquiries with their ages, and totals every open case', async () => {
    const before = await workload();
    const unassigned = await seedCases(api, 3, { createdDaysAgo: 12, newsDaysAgo: 35 });
    await seedCases(api, 1, { createdDaysAgo: 2 });
    await seedCases(api, 2, { status: 'closed' });
    const gone = await signInStaff(api, 'caseworker', 'Звільнений');
    await seedCases(api, 2, { assigneeId: gone.id, status: 'missing' });
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [gone.id]);
    await submitInquiry(api, family);
    await submitInquiry(api, family);

    const w = await workload();
    expect(w.unassigned.cases - before.unassigned.cases).toBe(4);
    expect(w.unassigned.overdueCases - before.unassigned.overdueCases).toBe(3);
    expect(w.unassigned.caseAges.upTo30Days - before.unassigned.caseAges.upTo30Days).toBe(3);
    expect(w.unassigned.caseAges.upTo7Days - before.unassigned.caseAges.upTo7Days).toBe(1);
    expect(w.unassigned.inquiries - before.unassigned.inquiries).toBe(2);
    expect(w.unassigned.inquiryAges.upTo7Days - before.unassigned.inquiryAges.upTo7Days).toBe(2);
    expect(w.unassigned.oldestCaseDays).toBeGreaterThanOrEqual(12);
    expect(w.unassigned.oldestInquiries.length).toBeGreaterThan(0);
    if (w.unassigned.cases <= 10) {
      expect(w.unassigned.oldestCases.map((c) => c.id)).toEqual(expect.arrayContaining(unassigned));
    }
    expect(w.totals.open - before.totals.open).toBe(6);
    // A deactivated caseworker's cases are not hidden: listed apart, for council to reassign.
    expect(rowOf(w, gone.id)).toBeUndefined();
    expect(w.otherHolders.find((h) => h.id === gone.id)).toMatchObject({ active: false, open: 2, role: 'caseworker' });
    expect(w.totals.caseworkers).toBe(w.caseworkers.length);
    expect(w.totals.open).toBe(
      w.caseworkers.reduce((s, c) => s + c.open, 0) +
        w.otherHolders.reduce((s, c) => s + c.open, 0) +
        w.unassigned.cases,
    );
    // The oldest waiting items are named by id and reference only: nothing personal.
    expect(JSON.stringify(w.unassigned)).not.toContain('Шевченко');
  });

  it('opens the workload to council and admin only (403 caseworker and family, 401 stranger)', async () => {
    await api.http.get('/api/workload').set(admin.auth).expect(200);
    await api.http.get('/api/workload').set(caseworker.auth).expect(403);
    await api.http.get('/api/workload').set(family.auth).expect(403);
    await api.http.get('/api/workload').expect(401);
    const bad = await api.http.get('/api/workload').query({ category: 'navy' }).set(council.auth).expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'category' });
    await api.http.get('/api/workload').query({ extra: '1' }).set(council.auth).expect(400);
    const audit = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND action = 'workload.read'`,
      [admin.id],
    );
    expect(audit[0].n).toBe(1);
  });

  describe('POST /api/cases/:id/contacts', () => {
    it('logs a contact by the assigned caseworker or council, resets the clock, and audits it', async () => {
      const [id] = await seedCases(api, 1, { assigneeId: caseworker.id, status: 'missing', newsDaysAgo: 40 });
      const res = await api.http
        .post(`/api/cases/${id}/contacts`)
        .set(caseworker.auth)
        .send({ channel: 'phone', summary: '  Дзвінок дружині.  ', visibility: 'internal' })
        .expect(201);
      expect(res.body).toMatchObject({
        caseId: id,
        authorId: caseworker.id,
        channel: 'phone',
        visibility: 'internal',
        summary: 'Дзвінок дружині.',
      });
      const [row] = await db.query(
        `SELECT (now() - last_family_news_at) < interval '1 minute' AS reset, version FROM cases WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ reset: true, version: 1 });

      // Council too; a contact logged later for an earlier time never moves the clock back.
      const earlier = new Date(Date.now() - 10 * 86_400_000).toISOString();
      const byCouncil = await api.http
        .post(`/api/cases/${id}/contacts`)
        .set(council.auth)
        .send({ channel: 'in_person', summary: 'Зустріч у штабі.', visibility: 'internal', contactedAt: earlier })
        .expect(201);
      expect(byCouncil.body.contactedAt).toBe(earlier);
      expect(byCouncil.body.lastFamilyNewsAt).toBe(res.body.lastFamilyNewsAt);

      const list = await api.http.get(`/api/cases/${id}/contacts`).set(caseworker.auth).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id, byCouncil.body.id]);
      const page = await api.http.get(`/api/cases/${id}/contacts`).query({ limit: 1 }).set(council.auth).expect(200);
      const next = await api.http
        .get(`/api/cases/${id}/contacts`)
        .query({ limit: 1, cursor: page.body.nextCursor })
        .set(council.auth)
        .expect(200);
      expect([page.body.items[0].id, next.body.items[0].id, next.body.nextCursor]).toEqual([
        res.body.id,
        byCouncil.body.id,
        null,
      ]);
      const audit = await db.query(
        `SELECT actor_id, details->>'channel' AS channel FROM audit_log WHERE entity_id = $1 AND action = 'case.contact' ORDER BY id`,
        [id],
      );
      expect(audit).toEqual([
        { actor_id: caseworker.id, channel: 'phone' },
        { actor_id: council.id, channel: 'in_person' },
      ]);
    });

    it('refuses a colleague (403), admin and family (403), a stranger (401), a missing case (404), a merged one (422)', async () => {
      const [id] = await seedCases(api, 1, { assigneeId: caseworker.id, newsDaysAgo: 40 });
      const body = { channel: 'email', summary: 'Лист', visibility: 'internal' };
      await api.http.post(`/api/cases/${id}/contacts`).set(idle.auth).send(body).expect(403);
      await api.http.post(`/api/cases/${id}/contacts`).set(admin.auth).send(body).expect(403);
      await api.http.post(`/api/cases/${id}/contacts`).set(family.auth).send(body).expect(403);
      await api.http.post(`/api/cases/${id}/contacts`).send(body).expect(401);
      await api.http
        .post('/api/cases/00000000-0000-4000-8000-000000000000/contacts')
        .set(council.auth)
        .send(body)
        .expect(404);
      await api.http.post('/api/cases/not-a-uuid/contacts').set(council.auth).send(body).expect(400);
      await api.http.get(`/api/cases/${id}/contacts`).set(idle.auth).expect(200);
      const forged = Buffer.from(JSON.stringify(['soon', id])).toString('base64url');
      await api.http.get(`/api/cases/${id}/contacts`).query({ cursor: forged }).set(idle.auth).expect(400);
      await api.http.get(`/api/cases/${id}/contacts`).set(admin.auth).expect(403);
      await api.http.get(`/api/cases/${id}/contacts`).set(family.auth).expect(403);
      await api.http.get(`/api/cases/${id}/contacts`).expect(401);
      const [survivor] = await seedCases(api, 1, { assigneeId: caseworker.id });
      const [merged] = await seedCases(api, 1, { assigneeId: caseworker.id, status: 'closed' });
      await db.query(`UPDATE cases SET merged_into_id = $2 WHERE id = $1`, [merged, survivor]);
      const gone = await api.http.post(`/api/cases/${merged}/contacts`).set(council.auth).send(body).expect(422);
      expect(gone.body.details).toEqual({ mergedIntoId: survivor });
      const [row] = await db.query(`SELECT count(*)::int AS n FROM case_contacts WHERE case_id = ANY($1::uuid[])`, [
        [id, merged],
      ]);
      expect(row.n).toBe(0);
    });

    it.each([
      ['no channel', { summary: 'x', visibility: 'internal' }, 'channel'],
      ['an unknown channel', { channel: 'pigeon', summary: 'x', visibility: 'internal' }, 'channel'],
      ['an empty summary', { channel: 'sms', summary: '   ', visibility: 'internal' }, 'summary'],
      ['an overlong summary', { channel: 'sms', summary: 'x'.repeat(2001), visibility: 'internal' }, 'summary'],
      ['a bad visibility', { channel: 'sms', summary: 'x', visibility: 'public' }, 'visibility'],
      [
        'a future time',
        { channel: 'sms', summary: 'x', visibility: 'internal', contactedAt: '2999-01-01T00:00:00Z' },
        'contactedAt',
      ],
      ['a bad time', { channel: 'sms', summary: 'x', visibility: 'internal', contactedAt: 'yesterday' }, 'contactedAt'],
      ['a shared contact without its inquiry', { channel: 'sms', summary: 'x', visibility: 'shared' }, 'inquiryId'],
      [
        'an inquiry that is not an id',
        { channel: 'sms', summary: 'x', visibility: 'internal', inquiryId: 'INQ-2026-000001' },
        'inquiryId',
      ],
      ['an unknown field', { channel: 'sms', summary: 'x', visibility: 'internal', mood: 'ok' }, 'mood'],
    ])('refuses %s (400 naming the field) and writes nothing', async (_label, body, field) => {
      const [id] = await seedCases(api, 1, { assigneeId: caseworker.id, newsDaysAgo: 40 });
      const res = await api.http.post(`/api/cases/${id}/contacts`).set(caseworker.auth).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      const [row] = await db.query(
        `SELECT (SELECT count(*)::int FROM case_contacts WHERE case_id = $1) AS n,
                last_family_news_at < now() - interval '39 days' AS still_old FROM cases WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ n: 0, still_old: true });
    });
  });

  describe('GET /api/workload/suggestion', () => {
    it('suggests the least-loaded active caseworker, leaving out the current holder', async () => {
      const newcomer = await signInStaff(api, 'caseworker', 'Аааа Новенька');
      const [held] = await seedCases(api, 1, { assigneeId: newcomer.id, category: 'military' });
      const res = await api.http.get('/api/workload/suggestion').query({ caseId: held }).set(council.auth).expect(200);
      expect(res.body).toMatchObject({
        caseId: held,
        inquiryId: null,
        category: 'military',
        currentAssigneeId: newcomer.id,
      });
      const loads = (await workload()).caseworkers.filter((l) => l.id !== newcomer.id);
      const least = Math.min(...loads.map((l) => l.open));
      const candidates = res.body.candidates as { id: string; open: number }[];
      expect(candidates.map((c) => c.id)).not.toContain(newcomer.id);
      expect(res.body.suggestion).toEqual(candidates[0]);
      expect(candidates[0].open).toBe(least);
      expect(candidates.map((c) => c.open)).toEqual([...candidates.map((c) => c.open)].sort((a, b) => a - b));
      expect(candidates.length).toBeLessThanOrEqual(5);

      // For an inquiry nobody holds: the newcomer, once free again, is the least loaded (and first by name).
      await db.query(`UPDATE cases SET status = 'closed' WHERE id = $1`, [held]);
      const inquiry = await submitInquiry(api, family);
      const forInquiry = await api.http
        .get('/api/workload/suggestion')
        .query({ inquiryId: inquiry.id })
        .set(admin.auth)
        .expect(200);
      expect(forInquiry.body).toMatchObject({ inquiryId: inquiry.id, currentAssigneeId: null, category: 'military' });
      expect(forInquiry.body.suggestion).toMatchObject({ id: newcomer.id, open: 0, overdue: 0 });
    });

    it('refuses neither or both ids (400), unknown ones (404), caseworker and family (403), strangers (401)', async () => {
      const [id] = await seedCases(api, 1);
      await api.http.get('/api/workload/suggestion').set(council.auth).expect(400);
      const both = await api.http
        .get('/api/workload/suggestion')
        .query({ caseId: id, inquiryId: id })
        .set(council.auth)
        .expect(400);
      expect(both.body.details[0]).toMatchObject({ field: 'caseId', rule: 'exactlyOne' });
      await api.http.get('/api/workload/suggestion').query({ caseId: 'x' }).set(council.auth).expect(400);
      await api.http
        .get('/api/workload/suggestion')
        .query({ caseId: '00000000-0000-4000-8000-000000000000' })
        .set(council.auth)
        .expect(404);
      await api.http
        .get('/api/workload/suggestion')
        .query({ inquiryId: '00000000-0000-4000-8000-000000000000' })
        .set(council.auth)
        .expect(404);
      await api.http.get('/api/workload/suggestion').query({ caseId: id }).set(caseworker.auth).expect(403);
      await api.http.get('/api/workload/suggestion').query({ caseId: id }).set(family.auth).expect(403);
      await api.http.get('/api/workload/suggestion').query({ caseId: id }).expect(401);
    });
  });

  describe('CSV exports', () => {
    const csv = (url: string, who: SignedIn, query: Record<string, string> = {}): Test =>
      api.http.get(url).query(query).set(who.auth).buffer(true).parse(rawBody);

    it('exports the workload as UTF-8 with a byte-order mark, a row per caseworker and the totals', async () => {
      const res = await csv('/api/workload/export.csv', council).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="workload-\d{4}-\d{2}-\d{2}\.csv"$/);
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = csvRows(body);
      expect(rows[0]).toEqual([
        'row',
        'id',
        'full_name',
        'role',
        'active',
        'open',
        'overdue',
        'registered',
        'missing',
        'captivity_confirmed',
        'exchange_listed',
        'returned',
        'deceased',
        'oldest_open_days',
        'changed_this_week',
      ]);
      const w = await workload();
      const mine = rows.find((r) => r[1] === caseworker.id)!;
      const load = rowOf(w, caseworker.id)!;
      expect(mine.slice(0, 7)).toEqual([
        'caseworker',
        caseworker.id,
        'Оксана Навантажена',
        'caseworker',
        'true',
        `${load.open}`,
        `${load.overdue}`,
      ]);
      expect(rows.filter((r) => r[0] === 'caseworker')).toHaveLength(w.caseworkers.length);
      expect(rows.at(-1)!.slice(0, 1)).toEqual(['total']);
      expect(rows.at(-1)![5]).toBe(String(w.totals.open));
      await csv('/api/workload/export.csv', admin).expect(200);
    });

    it('exports a filtered case list, names in Cyrillic, council only', async () => {
      const holder = await signInStaff(api, 'caseworker', 'Експорт Тестовий');
      const overdue = await seedCases(api, 2, { assigneeId: holder.id, status: 'missing', newsDaysAgo: 31 });
      await seedCases(api, 1, { assigneeId: holder.id, status: 'missing', newsDaysAgo: 1 });
      await seedCases(api, 1, { assigneeId: holder.id, status: 'closed', newsDaysAgo: 90 });

      const all = csvRows((await csv('/api/workload/cases.csv', council, { assigneeId: holder.id }).expect(200)).body);
      expect(all[0].slice(0, 5)).toEqual(['reference', 'id', 'status', 'category', 'surname']);
      expect(all).toHaveLength(1 + 4);
      expect(all[1].slice(4, 7)).toEqual(['Навантаження', 'Тарас', 'Іванович']);
      expect(all[1][9]).toBe('Експорт Тестовий');

      const late = await csv('/api/workload/cases.csv', council, { assigneeId: holder.id, overdue: 'true' }).expect(
        200,
      );
      expect([...(late.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lateRows = csvRows(late.body);
      expect(
        lateRows
          .slice(1)
          .map((r) => r[1])
          .sort(),
      ).toEqual([...overdue].sort());
      expect(lateRows.slice(1).every((r) => r[14] === 'true')).toBe(true);

      const closed = csvRows(
        (await csv('/api/workload/cases.csv', council, { assigneeId: holder.id, status: 'closed' }).expect(200)).body,
      );
      expect(closed.slice(1).map((r) => r[2])).toEqual(['closed']);

      await csv('/api/workload/cases.csv', admin).expect(403);
      await csv('/api/workload/cases.csv', caseworker).expect(403);
      await csv('/api/workload/cases.csv', family).expect(403);
      await csv('/api/workload/export.csv', caseworker).expect(403);
      await csv('/api/workload/export.csv', family).expect(403);
      await api.http.get('/api/workload/cases.csv').expect(401);
      await api.http.get('/api/workload/export.csv').expect(401);
      const bad = await api.http.get('/api/workload/cases.csv').query({ status: 'lost' }).set(council.auth).expect(400);
      expect(bad.body.details[0]).toMatchObject({ field: 'status' });
      await api.http
        .get('/api/workload/cases.csv')
        .query({ assigneeId: holder.id, unassigned: 'true' })
        .set(council.auth)
        .expect(400);
      const audit = await db.query(
        `SELECT details FROM audit_log WHERE actor_id = $1 AND action = 'case.export' ORDER BY id LIMIT 1`,
        [council.id],
      );
      expect(audit[0].details).toEqual({ filter: { assigneeId: holder.id } });
    });

    it('streams a list longer than one batch, every case once', async () => {
      const holder = await signInStaff(api, 'caseworker', 'Багато Справ');
      const ids = await seedCases(api, 2500, { assigneeId: holder.id, status: 'missing' });
      const rows = csvRows((await csv('/api/workload/cases.csv', council, { assigneeId: holder.id }).expect(200)).body);
      expect(rows).toHaveLength(1 + 2500);
      expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(ids));
    });
  });
});
