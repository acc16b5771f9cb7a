import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { SignedIn, signInStaff, signUpFamily } from './support/factories';
import { seedCases } from './support/workload-fixtures';

describe('Bulk reassignment (e2e)', () => {
  let api: TestApi;
  let db: DataSource;
  let council: SignedIn;
  let admin: SignedIn;
  let leaving: SignedIn;
  let taking: SignedIn;
  let family: SignedIn;

  const bulk = (who: SignedIn, body: object) => api.http.post('/api/cases/assign-bulk').set(who.auth).send(body);
  const holders = async (ids: string[]) =>
    (
      await db.query(
        `SELECT assignee_id, version, count(*)::int AS n FROM cases WHERE id = ANY($1::uuid[])
          GROUP BY assignee_id, version ORDER BY n DESC`,
        [ids],
      )
    ).map((r: { assignee_id: string | null; version: number; n: number }) => [r.assignee_id, r.version, r.n]);

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    [council, admin, leaving, taking] = await Promise.all([
      signInStaff(api, 'council'),
      signInStaff(api, 'admin'),
      signInStaff(api, 'caseworker', 'Той, хто йде'),
      signInStaff(api, 'caseworker', 'Той, хто приймає'),
    ]);
    family = await signUpFamily(api);
  });

  afterAll(async () => {
    await api.close();
  });

  it('moves 1,000 cases in one call: version bump, history and one audit entry each, one digest event', async () => {
    const ids = await seedCases(api, 1000, { assigneeId: leaving.id, status: 'missing' });
    const res = await bulk(council, { caseIds: ids, assigneeId: taking.id }).expect(200);
    expect(res.body).toEqual({ assigned: 1000, unchanged: 0, assigneeId: taking.id });
    expect(await holders(ids)).toEqual([[taking.id, 2, 1000]]);

    const history = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT case_id)::int AS cases,
              bool_and(details->>'from' = $2 AND details->>'to' = $3 AND actor_id = $4) AS right
         FROM case_history WHERE case_id = ANY($1::uuid[]) AND action = 'assigned'`,
      [ids, leaving.id, taking.id, council.id],
    );
    expect(history[0]).toEqual({ n: 1000, cases: 1000, right: true });

    const audit = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS cases,
              bool_and(actor_id = $2 AND actor_role = 'council' AND entity = 'case' AND request_id = $3
                       AND details->>'from' = $4 AND details->>'to' = $5) AS right
         FROM audit_log WHERE entity_id = ANY($1::text[]) AND action = 'case.assign'`,
      [ids, council.id, res.headers['x-request-id'], leaving.id, taking.id],
    );
    expect(audit[0]).toEqual({ n: 1000, cases: 1000, right: true });

    const events = await db.query(
      `SELECT aggregate_id, payload FROM outbox_events WHERE type = 'case.assigned' AND payload->>'assigneeId' = $1`,
      [taking.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].aggregate_id).toBe(taking.id);
    expect([...events[0].payload.caseIds].sort()).toEqual([...ids].sort());

    // The workload sees it at once.
    const w = await api.http.get('/api/workload').set(council.auth).expect(200);
    const load = (id: string) => w.body.caseworkers.find((c: { id: string }) => c.id === id);
    expect(load(taking.id)).toMatchObject({ open: 1000 });
    expect(load(leaving.id)).toMatchObject({ open: 0 });

    // Again: nothing changes, nobody is told twice.
    const again = await bulk(council, { caseIds: [...ids, ...ids.slice(0, 10)], assigneeId: taking.id }).expect(200);
    expect(again.body).toEqual({ assigned: 0, unchanged: 1000, assigneeId: taking.id });
    expect(await holders(ids)).toEqual([[taking.id, 2, 1000]]);
    const [count] = await db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'case.assigned' AND payload->>'assigneeId' = $1`,
      [taking.id],
    );
    expect(count.n).toBe(1);
  });

  it('moves the open cases a filter selects: only those, never closed ones', async () => {
    const from = await signInStaff(api, 'caseworker', 'Фільтр Від');
    const to = await signInStaff(api, 'caseworker', 'Фільтр До');
    const overdue = await seedCases(api, 3, { assigneeId: from.id, status: 'missing', newsDaysAgo: 45 });
    const fresh = await seedCases(api, 2, { assigneeId: from.id, status: 'missing', newsDaysAgo: 1 });
    const closedLate = await seedCases(api, 2, { assigneeId: from.id, status: 'closed', newsDaysAgo: 90 });
    const res = await bulk(council, { filter: { assigneeId: from.id, overdue: true }, assigneeId: to.id }).expect(200);
    expect(res.body).toEqual({ assigned: 3, unchanged: 0, assigneeId: to.id });
    expect(await holders(overdue)).toEqual([[to.id, 2, 3]]);
    expect(await holders(fresh)).toEqual([[from.id, 1, 2]]);
    expect(await holders(closedLate)).toEqual([[from.id, 1, 2]]);

    const military = await seedCases(api, 2, {
      assigneeId: from.id,
      status: 'captivity_confirmed',
      category: 'military',
    });
    const byStatus = await bulk(council, {
      filter: { assigneeId: from.id, status: ['captivity_confirmed'], category: 'military' },
      assigneeId: council.id,
    }).expect(200);
    expect(byStatus.body.assigned).toBe(2);
    expect(await holders(military)).toEqual([[council.id, 2, 2]]);
  });

  it('is all or nothing: an unknown or merged case refuses the whole call (400) and changes nothing', async () => {
    const ids = await seedCases(api, 5, { assigneeId: leaving.id });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await bulk(council, { caseIds: [...ids, unknown], assigneeId: taking.id }).expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'caseIds', rule: 'exists' });
    expect(res.body.details[0].message).toContain(unknown);
    expect(await holders(ids)).toEqual([[leaving.id, 1, 5]]);

    const [survivor] = await seedCases(api, 1, { assigneeId: leaving.id });
    const [merged] = await seedCases(api, 1, { assigneeId: leaving.id, status: 'closed' });
    await db.query(`UPDATE cases SET merged_into_id = $2 WHERE id = $1`, [merged, survivor]);
    const refused = await bulk(council, { caseIds: [...ids, merged], assigneeId: taking.id }).expect(400);
    expect(refused.body.details[0]).toMatchObject({ field: 'caseIds', rule: 'notMerged' });
    expect(await holders(ids)).toEqual([[leaving.id, 1, 5]]);
    const [audit] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ANY($1::text[]) AND action = 'case.assign'`,
      [ids],
    );
    expect(audit.n).toBe(0);
  });

  it.each([
    ['an admin', 'admin'],
    ['a family member', 'family'],
    ['a deactivated caseworker', 'inactive'],
    ['nobody', 'missing'],
  ])('refuses %s as the assignee (400 assigneeId)', async (_label, kind) => {
    const ids = await seedCases(api, 2, { assigneeId: leaving.id });
    let assigneeId = '00000000-0000-4000-8000-000000000000';
    if (kind === 'admin') assigneeId = admin.id;
    if (kind === 'family') assigneeId = family.id;
    if (kind === 'inactive') {
      const gone = await signInStaff(api, 'caseworker');
      await db.query(`UPDATE users SET active = false WHERE id = $1`, [gone.id]);
      assigneeId = gone.id;
    }
    const res = await bulk(council, { caseIds: ids, assigneeId }).expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'assigneeId', rule: 'activeStaff' });
    expect(await holders(ids)).toEqual([[leaving.id, 1, 2]]);
  });

  it.each([
    ['neither ids nor a filter', {}, 'caseIds'],
    [
      'both ids and a filter',
      { caseIds: ['00000000-0000-4000-8000-000000000000'], filter: { overdue: true } },
      'caseIds',
    ],
    ['an empty id list', { caseIds: [] }, 'caseIds'],
    ['a bad id', { caseIds: ['nope'] }, 'caseIds'],
    ['an empty filter', { filter: {} }, 'filter'],
    ['a closed status in the filter', { filter: { status: ['closed'] } }, 'filter.status'],
    ['an unknown filter field', { filter: { overdue: true, q: 'x' } }, 'filter.q'],
    [
      'a holder and unassigned',
      { filter: { assigneeId: '00000000-0000-4000-8000-000000000000', unassigned: true } },
      'filter.unassigned',
    ],
    ['no assignee', { caseIds: ['00000000-0000-4000-8000-000000000000'], assigneeId: undefined }, 'assigneeId'],
    ['an unknown field', { filter: { overdue: true }, notify: false }, 'notify'],
  ])('refuses %s (400 naming the field)', async (_label, body, field) => {
    const res = await bulk(council, { assigneeId: taking.id, ...body }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('is for council only: 403 caseworker, admin and family, 401 stranger', async () => {
    const ids = await seedCases(api, 1, { assigneeId: leaving.id });
    const body = { caseIds: ids, assigneeId: taking.id };
    await bulk(leaving, body).expect(403);
    await bulk(admin, body).expect(403);
    await bulk(family, body).expect(403);
    await api.http.post('/api/cases/assign-bulk').send(body).expect(401);
    expect(await holders(ids)).toEqual([[leaving.id, 1, 1]]);
  });
});
