import type { Test } from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { seedCase } from './support/cases';
import { caseFollowedByFamily } from './support/exchanges-cases';
import { createExchange, csvFile, exchangeBody, ReturneeAnswer, uploadCsv } from './support/exchanges-factories';
import { SignedIn, signInStaff, signUpFamily } from './support/factories';

// Names no other test uses: the end-to-end specs share one database.
const VERNYHORA = {
  surname: 'Вернигора',
  givenName: 'Олександр',
  patronymic: 'Миколайович',
  dateOfBirth: '1987-11-02',
  serviceNumber: undefined,
};

describe('Exchanges (e2e)', () => {
  let api: TestApi;
  let db: DataSource;
  let caseworker: SignedIn;
  let colleague: SignedIn;
  let council: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    api = await startTestApi({ inquiryMaxPerAccount: 1000 });
    db = api.app.get(DataSource);
    [caseworker, colleague, council, admin] = await Promise.all([
      signInStaff(api, 'caseworker'),
      signInStaff(api, 'caseworker'),
      signInStaff(api, 'council'),
      signInStaff(api, 'admin'),
    ]);
  });

  afterAll(async () => {
    await api.close();
  });

  const outboxOf = async (caseId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> =>
    db.query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY created_at, id`, [caseId]);

  it('runs exchange day: record, upload, review, confirm, families told, counted in the year report', async () => {
    // 1. Council records the exchange.
    const exchange = await createExchange(api, council, {
      date: '2017-12-27',
      title: 'Обмін 27 грудня',
      announced: { military: 60, civilian: 14, bodies: 0 },
    });
    // The people on the list, as cases: one followed by his mother, one in Latin, one deceased, namesakes.
    const vernyhora = await caseFollowedByFamily(api, caseworker, VERNYHORA);
    const namesake = await seedCase(api, { ...VERNYHORA, dateOfBirth: '1990-01-01', status: 'missing' });
    const harmash = await seedCase(api, {
      surname: 'Гармаш',
      givenName: 'Андрій',
      patronymic: 'Петрович',
      dateOfBirth: '1991-03-14',
      status: 'captivity_confirmed',
    });
    const deceased = await seedCase(api, {
      surname: 'Дорошук',
      givenName: 'Сергій',
      patronymic: 'Васильович',
      dateOfBirth: '1979-06-21',
      status: 'deceased',
    });

    // 2. The list arrives in Russian and Latin spellings, saved by a spreadsheet in Windows-1251.
    const file = csvFile(
      [
        ['№', 'прізвище', "ім'я", 'по батькові', 'дата народження'],
        ['1', 'Вернигора', 'Александр', 'Николаевич', '02.11.1987'],
        ['2', 'Harmash', 'Andrii', 'Petrovych', '1991-03-14'],
        ['3', 'Дорошук', 'Сергей', 'Васильевич', '21.06.1979'],
        ['4', 'Невідомий', 'Остап', 'Тарасович', '05.05.1990'],
      ],
      { encoding: 'win1251' },
    );
    const uploaded = await uploadCsv(api, council, exchange.id, file).expect(201);
    const answer = uploaded.body as ReturneeAnswer;
    expect(answer.summary).toEqual({ rows: 4, confident: 3, ambiguous: 0, none: 1 });
    expect(answer.rows.map((r) => [r.row, r.classification, r.candidates[0]?.caseId ?? null])).toEqual([
      [1, 'confident', vernyhora.caseId],
      [2, 'confident', harmash.id],
      [3, 'confident', deceased.id],
      [4, 'none', null],
    ]);
    expect(answer.rows[0].candidates.map((c) => c.caseId)).toContain(namesake.id);
    expect(answer.rows[0].candidates[0]).toMatchObject({
      score: expect.any(Number),
      reasons: expect.arrayContaining(['given_name_equivalent', 'date_of_birth_match']),
    });
    expect(answer.rows[0].input).toEqual({
      surname: 'Вернигора',
      givenName: 'Александр',
      patronymic: 'Николаевич',
      dateOfBirth: '1987-11-02',
    });

    // 3. Review, later and by someone else: a caseworker reads the stored batch; the rows without a case are listed.
    const batch = await api.http
      .get(`/api/exchanges/${exchange.id}/returnees/${answer.batchId}`)
      .set(caseworker.auth)
      .expect(200);
    expect(batch.body).toMatchObject({ batchId: answer.batchId, source: 'csv', applied: 0, createdBy: council.id });
    const unmatched = await api.http
      .get(`/api/exchanges/${exchange.id}/returnees/${answer.batchId}/rows`)
      .query({ classification: 'none' })
      .set(caseworker.auth)
      .expect(200);
    expect(
      unmatched.body.items.map((r: { row: number; input: { surname: string } }) => [r.row, r.input.surname]),
    ).toEqual([[4, 'Невідомий']]);
    const page = await api.http
      .get(`/api/exchanges/${exchange.id}/returnees/${answer.batchId}/rows`)
      .query({ limit: 2 })
      .set(caseworker.auth)
      .expect(200);
    expect(page.body.items.map((r: { row: number }) => r.row)).toEqual([1, 2]);
    const rest = await api.http
      .get(`/api/exchanges/${exchange.id}/returnees/${answer.batchId}/rows`)
      .query({ limit: 2, cursor: page.body.nextCursor })
      .set(caseworker.auth)
      .expect(200);
    expect(rest.body.items.map((r: { row: number }) => r.row)).toEqual([3, 4]);
    expect(rest.body.nextCursor).toBeNull();

    // 4. Confirm the three chosen pairs in one step.
    const matches = [1, 2, 3].map((row) => ({ row, caseId: answer.rows[row - 1].candidates[0].caseId }));
    const confirmed = await api.http
      .post(`/api/exchanges/${exchange.id}/returnees/confirm`)
      .set(council.auth)
      .send({ batchId: answer.batchId, matches })
      .expect(200);
    expect(confirmed.body).toEqual({
      batchId: answer.batchId,
      applied: [
        { row: 1, caseId: vernyhora.caseId, outcome: 'returned', result: 'moved', caseStatus: 'returned' },
        { row: 2, caseId: harmash.id, outcome: 'returned', result: 'moved', caseStatus: 'returned' },
      ],
      alreadyApplied: [],
      refused: [
        { row: 3, caseId: deceased.id, reason: 'status_not_allowed', caseStatus: 'deceased', allowed: ['closed'] },
      ],
      openRows: [
        { row: 3, classification: 'confident' },
        { row: 4, classification: 'none' },
      ],
    });

    // 5. The cases are returned through the status machine, with the exchange as evidence.
    const detail = await api.http.get(`/api/cases/${vernyhora.caseId}`).set(caseworker.auth).expect(200);
    expect(detail.body.status).toBe('returned');
    expect(detail.body.history.at(-1)).toMatchObject({
      action: 'status',
      from: 'exchange_listed',
      to: 'returned',
      evidenceSource: 'exchange_record',
      details: { exchangeId: exchange.id, outcome: 'returned' },
    });
    const stillDeceased = await api.http.get(`/api/cases/${deceased.id}`).set(council.auth).expect(200);
    expect(stillDeceased.body.status).toBe('deceased');

    // 6. The family's message is in the outbox (written with the change) and its timeline says returned.
    const events = await outboxOf(vernyhora.caseId);
    expect(events.filter((e) => e.type === 'case.status_changed').at(-1)?.payload).toEqual({
      caseId: vernyhora.caseId,
      from: 'exchange_listed',
      to: 'returned',
      familyVisible: true,
      inPerson: false,
      assigneeId: caseworker.id,
    });
    const timeline = await api.http
      .get(`/api/inquiries/${vernyhora.inquiryId}/timeline`)
      .set(vernyhora.family.auth)
      .expect(200);
    expect(timeline.body.items.at(-1)).toMatchObject({ type: 'status', status: 'returned' });

    // 7. Confirming again changes nothing and sends nothing.
    const eventsBefore = (await db.query(`SELECT count(*)::int AS n FROM outbox_events`))[0].n;
    const auditBefore = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'exchange.%'`))[0]
      .n;
    const again = await api.http
      .post(`/api/exchanges/${exchange.id}/returnees/confirm`)
      .set(council.auth)
      .send({ batchId: answer.batchId, matches })
      .expect(200);
    expect(again.body.applied).toEqual([]);
    expect(again.body.alreadyApplied.map((a: { row: number }) => a.row)).toEqual([1, 2]);
    expect(again.body.refused.map((r: { row: number }) => r.row)).toEqual([3]);
    expect((await db.query(`SELECT count(*)::int AS n FROM outbox_events`))[0].n).toBe(eventsBefore);
    expect((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'exchange.%'`))[0].n).toBe(
      auditBefore,
    );
    const version = (await api.http.get(`/api/cases/${vernyhora.caseId}`).set(council.auth).expect(200)).body.version;
    expect(version).toBe(detail.body.version);

    // 8. The exchange and the year report count them.
    const read = await api.http.get(`/api/exchanges/${exchange.id}`).set(caseworker.auth).expect(200);
    expect(read.body.linkedCases).toEqual({ returned: 2, listed_not_returned: 0, remains_repatriated: 0 });
    const linked = await api.http.get(`/api/exchanges/${exchange.id}/cases`).set(caseworker.auth).expect(200);
    expect(linked.body.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual(
      [vernyhora.caseId, harmash.id].sort(),
    );
    expect(linked.body.items[0]).toMatchObject({ outcome: 'returned', batchId: answer.batchId });
    const report = await api.http.get('/api/reports/exchanges').query({ year: 2017 }).set(council.auth).expect(200);
    expect(report.body).toMatchObject({
      year: 2017,
      exchanges: 1,
      returned: { military: 60, civilian: 14, total: 74 },
      linkedCases: { returned: 2, listed_not_returned: 0, remains_repatriated: 0 },
    });
  });

  it('answers the year report with the previous year and the change', async () => {
    await createExchange(api, council, { date: '2015-02-21', announced: { military: 139, civilian: 0, bodies: 0 } });
    await createExchange(api, council, { date: '2016-12-29', announced: { military: 20, civilian: 5, bodies: 10 } });
    await createExchange(api, council, { date: '2016-08-01', announced: { military: 1, civilian: 2, bodies: 3 } });
    const res = await api.http.get('/api/reports/exchanges?year=2016').set(admin.auth).expect(200);
    expect(res.body).toEqual({
      year: 2016,
      exchanges: 2,
      returned: { military: 21, civilian: 7, total: 28 },
      bodies: 13,
      linkedCases: { returned: 0, listed_not_returned: 0, remains_repatriated: 0 },
      previousYear: {
        year: 2015,
        exchanges: 1,
        returned: { military: 139, civilian: 0, total: 139 },
        bodies: 0,
        linkedCases: { returned: 0, listed_not_returned: 0, remains_repatriated: 0 },
      },
      change: {
        exchanges: 1,
        returned: { military: -118, civilian: 7, total: -111 },
        bodies: 13,
        linkedCases: { returned: 0, listed_not_returned: 0, remains_repatriated: 0 },
        returnedTotalPercent: -79.9,
      },
    });
    await api.http.get('/api/reports/exchanges').set(council.auth).expect(400);
    const bad = await api.http.get('/api/reports/exchanges?year=abc').set(council.auth).expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'year' });
    await api.http.get('/api/reports/exchanges?year=2016').set(caseworker.auth).expect(403);
  });

  it('records, lists by year and corrects exchanges with the version read', async () => {
    const created = await api.http
      .post('/api/exchanges')
      .set(council.auth)
      .send(exchangeBody({ date: '2019-09-07', title: 'Обмін 35 на 35', notes: 'Офіційні дані' }))
      .expect(201);
    expect(created.body).toMatchObject({
      date: '2019-09-07',
      title: 'Обмін 35 на 35',
      mediator: 'ОАЕ',
      announced: { military: 150, civilian: 39, bodies: 0, returnedTotal: 189 },
      version: 1,
      linkedCases: { returned: 0, listed_not_returned: 0, remains_repatriated: 0 },
    });
    await createExchange(api, council, { date: '2019-12-29' });
    const patched = await api.http
      .patch(`/api/exchanges/${created.body.id}`)
      .set(council.auth)
      .send({ version: 1, announced: { military: 24 }, mediator: null })
      .expect(200);
    expect(patched.body).toMatchObject({
      version: 2,
      mediator: null,
      notes: 'Офіційні дані',
      announced: { military: 24, civilian: 39, returnedTotal: 63 },
    });
    await api.http
      .patch(`/api/exchanges/${created.body.id}`)
      .set(council.auth)
      .send({ version: 1, title: 'x' })
      .expect(409);
    const nulled = await api.http
      .patch(`/api/exchanges/${created.body.id}`)
      .set(council.auth)
      .send({ version: 2, title: null })
      .expect(400);
    expect(nulled.body.details[0]).toMatchObject({ field: 'title' });

    const first = await api.http.get('/api/exchanges').query({ year: 2019, limit: 1 }).set(caseworker.auth).expect(200);
    expect(first.body.items.map((i: { date: string }) => i.date)).toEqual(['2019-12-29']);
    const second = await api.http
      .get('/api/exchanges')
      .query({ year: 2019, limit: 1, cursor: first.body.nextCursor })
      .set(caseworker.auth)
      .expect(200);
    expect(second.body.items.map((i: { date: string }) => i.date)).toEqual(['2019-09-07']);
    expect(second.body.nextCursor).toBeNull();
    await api.http.get('/api/exchanges').query({ limit: 101 }).set(council.auth).expect(400);
    await api.http.get('/api/exchanges').query({ cursor: 'nonsense' }).set(council.auth).expect(400);
    await api.http.get('/api/exchanges/00000000-0000-4000-8000-000000000000').set(council.auth).expect(404);
    await api.http.get('/api/exchanges/not-a-uuid').set(council.auth).expect(400);
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['exchange.create', 'exchange.update']);
  });

  it.each([
    ['a future date', { date: '2999-01-01' }, 'date'],
    ['an impossible date', { date: '2024-02-30' }, 'date'],
    ['a date before independence', { date: '1990-01-01' }, 'date'],
    ['negative figures', { announced: { military: -1, civilian: 0, bodies: 0 } }, 'announced.military'],
    ['fractional figures', { announced: { military: 1.5, civilian: 0, bodies: 0 } }, 'announced.military'],
    ['missing figures', { announced: { military: 1 } }, 'announced.civilian'],
    ['no title', { title: '' }, 'title'],
    ['an unknown field', { place: 'Кордон' }, 'place'],
  ])('refuses an exchange with %s (400 naming the field), writing nothing', async (_label, change, field) => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM exchange_events`))[0].n;
    const res = await api.http
      .post('/api/exchanges')
      .set(council.auth)
      .send({ ...exchangeBody(), ...change })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await db.query(`SELECT count(*)::int AS n FROM exchange_events`))[0].n).toBe(before);
  });

  it('links one case by hand: the holder or council, with each outcome through the status machine', async () => {
    const exchange = await createExchange(api, council, { date: '2022-09-21' });
    const mine = await seedCase(api, { status: 'captivity_confirmed', assigneeId: caseworker.id });
    const theirs = await seedCase(api, { status: 'captivity_confirmed', assigneeId: colleague.id });
    const link = (user: SignedIn, body: object): Test =>
      api.http.post(`/api/exchanges/${exchange.id}/cases`).set(user.auth).send(body);

    await link(caseworker, { caseId: theirs.id, outcome: 'returned' }).expect(403);
    const listed = await link(caseworker, { caseId: mine.id, outcome: 'listed_not_returned' }).expect(200);
    expect(listed.body).toEqual({
      exchangeId: exchange.id,
      caseId: mine.id,
      outcome: 'listed_not_returned',
      result: 'linked',
      caseStatus: 'captivity_confirmed',
      caseVersion: mine.version,
    });
    await link(caseworker, { caseId: mine.id, outcome: 'listed_not_returned' })
      .expect(200)
      .expect((res) => expect(res.body.result).toBe('already_linked'));
    const conflict = await link(caseworker, { caseId: mine.id, outcome: 'returned' }).expect(409);
    expect(conflict.body.details).toEqual({ outcome: 'listed_not_returned' });

    // Remains repatriated: deceased through the machine, an outcome event for the caseworker, no news forced.
    const remains = await link(council, { caseId: theirs.id, outcome: 'remains_repatriated' }).expect(200);
    expect(remains.body).toMatchObject({ result: 'moved', caseStatus: 'deceased', caseVersion: theirs.version + 1 });
    const events = await outboxOf(theirs.id);
    // One transaction: both events share its time.
    expect(events.map((e) => e.type).sort()).toEqual(['case.exchange_outcome', 'case.status_changed']);
    expect(events.find((e) => e.type === 'case.status_changed')?.payload).toMatchObject({
      to: 'deceased',
      inPerson: true,
    });
    expect(events.find((e) => e.type === 'case.exchange_outcome')?.payload).toEqual({
      caseId: theirs.id,
      exchangeId: exchange.id,
      outcome: 'remains_repatriated',
      assigneeId: colleague.id,
    });
    const history = await api.http.get(`/api/cases/${theirs.id}/history`).set(council.auth).expect(200);
    expect(history.body.items.at(-1)).toMatchObject({ to: 'deceased', reason: expect.stringContaining('2022-09-21') });

    // A deceased case cannot be returned: refused with the allowed targets, nothing linked.
    const dead = await seedCase(api, { status: 'deceased' });
    const refused = await link(council, { caseId: dead.id, outcome: 'returned' }).expect(422);
    expect(refused.body.details).toEqual({ from: 'deceased', to: 'returned', allowed: ['closed'] });
    // A returned case is linked but not moved again.
    const back = await seedCase(api, { status: 'returned' });
    await link(council, { caseId: back.id, outcome: 'returned' })
      .expect(200)
      .expect((res) => expect(res.body).toMatchObject({ result: 'already_returned', caseVersion: back.version }));
    expect(await outboxOf(back.id)).toEqual([]);
    // Remains of someone the machine cannot move to deceased: linked, status kept, the caseworker told.
    const closed = await seedCase(api, { status: 'closed' });
    await link(council, { caseId: closed.id, outcome: 'remains_repatriated' })
      .expect(200)
      .expect((res) => expect(res.body).toMatchObject({ result: 'status_kept', caseStatus: 'closed' }));
    expect((await outboxOf(closed.id)).map((e) => e.type)).toEqual(['case.exchange_outcome']);

    await link(council, { caseId: mine.id, outcome: 'returned', version: 99 }).expect(409);
    await link(council, { caseId: '00000000-0000-4000-8000-000000000000', outcome: 'returned' }).expect(400);
    await link(council, { caseId: mine.id, outcome: 'escaped' }).expect(400);
    await api.http
      .post('/api/exchanges/00000000-0000-4000-8000-000000000000/cases')
      .set(council.auth)
      .send({ caseId: mine.id, outcome: 'returned' })
      .expect(404);
    const exchangeRead = await api.http.get(`/api/exchanges/${exchange.id}`).set(caseworker.auth).expect(200);
    expect(exchangeRead.body.linkedCases).toEqual({ returned: 1, listed_not_returned: 1, remains_repatriated: 2 });
    const onlyRemains = await api.http
      .get(`/api/exchanges/${exchange.id}/cases`)
      .query({ outcome: 'remains_repatriated' })
      .set(caseworker.auth)
      .expect(200);
    expect(onlyRemains.body.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual(
      [theirs.id, closed.id].sort(),
    );
  });

  it("moves a merged duplicate's exchange links to the surviving case, counted once", async () => {
    const exchange = await createExchange(api, council, { date: '2018-06-01' });
    const other = await createExchange(api, council, { date: '2018-07-01' });
    const duplicate = await seedCase(api, { status: 'returned', surname: 'Дубль' });
    const survivor = await seedCase(api, { status: 'returned', surname: 'Дубль' });
    for (const [exchangeId, caseId] of [
      [exchange.id, duplicate.id],
      [exchange.id, survivor.id],
      [other.id, duplicate.id],
    ]) {
      await api.http
        .post(`/api/exchanges/${exchangeId}/cases`)
        .set(council.auth)
        .send({ caseId, outcome: 'returned' })
        .expect(200);
    }
    await api.http
      .post(`/api/cases/${duplicate.id}/merge`)
      .set(council.auth)
      .send({ intoCaseId: survivor.id })
      .expect(200);
    const moved = await api.http.get(`/api/exchanges/${other.id}/cases`).set(council.auth).expect(200);
    expect(moved.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([survivor.id]);
    const kept = await api.http.get(`/api/exchanges/${exchange.id}`).set(council.auth).expect(200);
    expect(kept.body.linkedCases.returned).toBe(1);
    const report = await api.http.get('/api/reports/exchanges?year=2018').set(council.auth).expect(200);
    expect(report.body.linkedCases.returned).toBe(1);
    const history = await api.http.get(`/api/cases/${survivor.id}/history`).set(council.auth).expect(200);
    expect(history.body.items.find((h: { action: string }) => h.action === 'merged_in').details.exchanges).toEqual({
      moved: [other.id],
      kept: [exchange.id],
    });
  });

  it('keeps exchanges to staff: council manages, caseworkers read and link, admin reports, families and strangers nothing', async () => {
    const family = await signUpFamily(api);
    const exchange = await createExchange(api, council, { date: '2021-04-01' });
    const seeded = await seedCase(api, { assigneeId: caseworker.id, status: 'missing' });
    const batch = await api.http
      .post(`/api/exchanges/${exchange.id}/returnees`)
      .set(council.auth)
      .send({ rows: [{ fullName: 'Тестовий Іван' }] })
      .expect(201);
    const batchId = batch.body.batchId as string;
    const routes: { method: string; url: string; body?: object; allowed: string[] }[] = [
      { method: 'post', url: '/api/exchanges', body: exchangeBody(), allowed: ['council'] },
      { method: 'get', url: '/api/exchanges', allowed: ['caseworker', 'council'] },
      { method: 'get', url: `/api/exchanges/${exchange.id}`, allowed: ['caseworker', 'council'] },
      { method: 'patch', url: `/api/exchanges/${exchange.id}`, body: { version: 99 }, allowed: ['council'] },
      {
        method: 'post',
        url: `/api/exchanges/${exchange.id}/cases`,
        body: { caseId: seeded.id, outcome: 'listed_not_returned' },
        allowed: ['caseworker', 'council'],
      },
      { method: 'get', url: `/api/exchanges/${exchange.id}/cases`, allowed: ['caseworker', 'council'] },
      {
        method: 'post',
        url: `/api/exchanges/${exchange.id}/returnees`,
        body: { rows: [{ fullName: 'Тестовий Іван' }] },
        allowed: ['council'],
      },
      {
        method: 'post',
        url: `/api/exchanges/${exchange.id}/returnees/confirm`,
        body: { batchId, matches: [{ row: 1, caseId: seeded.id, outcome: 'listed_not_returned' }] },
        allowed: ['council'],
      },
      { method: 'get', url: `/api/exchanges/${exchange.id}/returnees`, allowed: ['caseworker', 'council'] },
      { method: 'get', url: `/api/exchanges/${exchange.id}/returnees/${batchId}`, allowed: ['caseworker', 'council'] },
      {
        method: 'get',
        url: `/api/exchanges/${exchange.id}/returnees/${batchId}/rows`,
        allowed: ['caseworker', 'council'],
      },
      { method: 'get', url: '/api/reports/exchanges?year=2021', allowed: ['council', 'admin'] },
    ];
    const call = (method: string, url: string): Test =>
      (api.http as unknown as Record<string, (u: string) => Test>)[method](url);
    const users: [string, SignedIn][] = [
      ['family', family],
      ['caseworker', caseworker],
      ['council', council],
      ['admin', admin],
    ];
    for (const route of routes) {
      for (const [role, user] of users) {
        const res = await call(route.method, route.url)
          .set(user.auth)
          .send(route.body ?? {});
        // An allowed role gets past the door (the answer itself is the business of other tests).
        const expected = route.allowed.includes(role) ? expect.not.stringMatching(/^(401|403)$/) : '403';
        expect([route.method, route.url, role, String(res.status)]).toEqual([route.method, route.url, role, expected]);
      }
      const stranger = await call(route.method, route.url).send(route.body ?? {});
      expect([route.url, stranger.status]).toEqual([route.url, 401]);
    }
  });
});
