import {
  birthKey,
  CANDIDATE_CAP,
  CASE_STATUSES,
  NameSearchRepository,
  pairKey,
  storedKeys,
  TRANSITIONS,
} from '@app/cases';
import type { Test } from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { inquiryBody, seedCase, submitInquiry } from './support/cases';
import { SignedIn, signInStaff, signUpFamily } from './support/factories';

describe('Inquiries and cases (e2e)', () => {
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

  it('runs the whole family → caseworker flow', async () => {
    const mother = await signUpFamily(api);
    const created = await submitInquiry(api, mother);
    expect(created).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^INQ-\d{4}-\d{6}$/),
      status: 'submitted',
    });

    const own = await api.http.get('/api/inquiries').set(mother.auth).expect(200);
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    expect(own.body.items[0].caseId).toBeUndefined();

    // Triage: no match yet, so a new case; the caseworker who opens it holds it.
    await api.http.post(`/api/inquiries/${created.id}/review`).set(caseworker.auth).expect(200);
    const none = await api.http.get(`/api/inquiries/${created.id}/matches`).set(caseworker.auth).expect(200);
    const opened = await api.http
      .post('/api/cases')
      .set(caseworker.auth)
      .send({ fromInquiryId: created.id })
      .expect(201);
    expect(opened.body).toMatchObject({ status: 'registered', version: 1, assigneeId: caseworker.id });
    expect(none.body.items.map((m: { caseId: string }) => m.caseId)).not.toContain(opened.body.id);

    // Before kinship is verified the family sees only the inquiry's own progress.
    await api.http
      .post(`/api/cases/${opened.body.id}/status`)
      .set(caseworker.auth)
      .send({ to: 'captivity_confirmed', evidenceSource: 'icrc_confirmation', version: 1 })
      .expect(200, { status: 'captivity_confirmed', version: 2 });
    let timeline = await api.http.get(`/api/inquiries/${created.id}/timeline`).set(mother.auth).expect(200);
    expect(timeline.body.items.map((i: { type: string }) => i.type)).toEqual(['received', 'in_review', 'linked']);

    await api.http
      .post(`/api/inquiries/${created.id}/verify-kinship`)
      .set(caseworker.auth)
      .send({ method: 'document_seen' })
      .expect(200);
    await api.http
      .post(`/api/cases/${opened.body.id}/notes`)
      .set(caseworker.auth)
      .send({ visibility: 'shared', body: 'Підтверджено МКЧХ.' })
      .expect(201);
    await api.http
      .post(`/api/cases/${opened.body.id}/notes`)
      .set(caseworker.auth)
      .send({ visibility: 'internal', body: 'Джерело: список.' })
      .expect(201);
    await api.http
      .post(`/api/cases/${opened.body.id}/status`)
      .set(caseworker.auth)
      .send({ to: 'exchange_listed', evidenceSource: 'official_list_other_side', version: 2 })
      .expect(200);

    timeline = await api.http.get(`/api/inquiries/${created.id}/timeline`).set(mother.auth).expect(200);
    const seen = timeline.body.items.map(
      (i: { type: string; status?: string; text?: string }) => i.status ?? i.text ?? i.type,
    );
    expect(seen).toEqual([
      'received',
      'in_review',
      'linked',
      'captivity_confirmed',
      'kinship_verified',
      'Підтверджено МКЧХ.',
    ]);
    expect(JSON.stringify(timeline.body)).not.toContain('exchange_listed');
    expect(JSON.stringify(timeline.body)).not.toContain('Джерело');

    await api.http
      .post(`/api/cases/${opened.body.id}/status`)
      .set(caseworker.auth)
      .send({ to: 'returned', evidenceSource: 'exchange_record', version: 3 })
      .expect(200);
    timeline = await api.http.get(`/api/inquiries/${created.id}/timeline`).set(mother.auth).expect(200);
    expect(timeline.body.items.at(-1)).toMatchObject({ type: 'status', status: 'returned' });

    // Staff see the case with the inquirer's contacts; every change is in history and the outbox.
    const detail = await api.http.get(`/api/cases/${opened.body.id}`).set(colleague.auth).expect(200);
    expect(detail.body.inquiries[0].inquirer).toMatchObject({ id: mother.id, email: mother.email });
    expect(
      detail.body.history.filter((h: { action: string }) => h.action === 'status').map((h: { to: string }) => h.to),
    ).toEqual(['captivity_confirmed', 'exchange_listed', 'returned']);
    const events = await db.query(`SELECT type FROM outbox_events WHERE aggregate_id IN ($1, $2) ORDER BY created_at`, [
      created.id,
      opened.body.id,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'inquiry.received',
      'inquiry.linked',
      'case.status_changed',
      'inquiry.kinship_verified',
      'case.note_shared',
      'case.status_changed',
      'case.status_changed',
    ]);
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND actor_id = $2`, [
      opened.body.id,
      colleague.id,
    ]);
    expect(audit).toEqual([{ action: 'case.read' }]);
  });

  it('finds an existing case for a second relative asking in Russian, and links it', async () => {
    const father = await signUpFamily(api);
    const first = await submitInquiry(api, father, {
      person: {
        surname: 'Коваленко',
        givenName: 'Олександр',
        patronymic: 'Миколайович',
        dateOfBirth: '1987-11-02',
        serviceNumber: undefined,
      },
    });
    const opened = await api.http.post('/api/cases').set(council.auth).send({ fromInquiryId: first.id }).expect(201);
    expect(opened.body.assigneeId).toBeNull();
    await seedCase(api, {
      surname: 'Коваленко',
      givenName: 'Олександр',
      patronymic: 'Миколайович',
      dateOfBirth: '1990-01-01',
    });

    const sister = await signUpFamily(api);
    const second = await submitInquiry(api, sister, {
      relationship: 'sibling',
      person: {
        surname: 'Коваленко',
        givenName: 'Александр',
        patronymic: 'Николаевич',
        dateOfBirth: '1987-11-02',
        serviceNumber: undefined,
      },
    });
    const matches = await api.http.get(`/api/inquiries/${second.id}/matches`).set(caseworker.auth).expect(200);
    expect(matches.body.items[0]).toMatchObject({
      caseId: opened.body.id,
      reasons: expect.arrayContaining(['date_of_birth_match']),
    });
    expect(matches.body.items.length).toBeGreaterThan(1);
    await api.http
      .post(`/api/inquiries/${second.id}/link`)
      .set(caseworker.auth)
      .send({ caseId: opened.body.id })
      .expect(200);
    const detail = await api.http.get(`/api/cases/${opened.body.id}`).set(caseworker.auth).expect(200);
    expect(detail.body.inquiries).toHaveLength(2);
    // Neither family learns of the other.
    const timeline = await api.http.get(`/api/inquiries/${second.id}/timeline`).set(sister.auth).expect(200);
    expect(JSON.stringify(timeline.body)).not.toContain(father.email);
  });

  it("shows a shared contact on the timeline of the family it was with, and on no other family's", async () => {
    const mother = await signUpFamily(api);
    const wife = await signUpFamily(api);
    const first = await submitInquiry(api, mother);
    const opened = await api.http.post('/api/cases').set(caseworker.auth).send({ fromInquiryId: first.id }).expect(201);
    const caseId = opened.body.id as string;
    const second = await submitInquiry(api, wife, { relationship: 'spouse' });
    await api.http.post(`/api/inquiries/${second.id}/link`).set(caseworker.auth).send({ caseId }).expect(200);
    const contact = (body: object): Test =>
      api.http
        .post(`/api/cases/${caseId}/contacts`)
        .set(caseworker.auth)
        .send({ channel: 'phone', ...body });

    // Before the mother's kinship is verified, her own shared contact is not shown to her either.
    const withMother = await contact({
      visibility: 'shared',
      inquiryId: first.id,
      summary: 'Розмова з матір’ю',
    }).expect(201);
    expect(withMother.body).toMatchObject({ inquiryId: first.id, visibility: 'shared' });
    const texts = async (who: SignedIn, inquiryId: string): Promise<string[]> =>
      (await api.http.get(`/api/inquiries/${inquiryId}/timeline`).set(who.auth).expect(200)).body.items
        .filter((i: { type: string }) => i.type === 'contact')
        .map((i: { text: string }) => i.text);
    expect(await texts(mother, first.id)).toEqual([]);

    for (const id of [first.id, second.id]) {
      await api.http
        .post(`/api/inquiries/${id}/verify-kinship`)
        .set(caseworker.auth)
        .send({ method: 'document_seen' })
        .expect(200);
    }
    await contact({ visibility: 'internal', inquiryId: first.id, summary: 'Мати плутається в датах' }).expect(201);
    await contact({ visibility: 'shared', inquiryId: second.id, summary: 'Розмова з дружиною' }).expect(201);
    expect(await texts(mother, first.id)).toEqual(['Розмова з матір’ю']);
    expect(await texts(wife, second.id)).toEqual(['Розмова з дружиною']);
    const motherTimeline = await api.http.get(`/api/inquiries/${first.id}/timeline`).set(mother.auth).expect(200);
    expect(JSON.stringify(motherTimeline.body)).not.toMatch(/дружин|плутається/);

    // A shared contact must name its family, and that family must be one of this case's.
    const other = await submitInquiry(api, await signUpFamily(api));
    const before = (await db.query(`SELECT count(*)::int AS n FROM case_contacts WHERE case_id = $1`, [caseId]))[0].n;
    const unnamed = await contact({ visibility: 'shared', summary: 'Кому?' }).expect(400);
    expect(unnamed.body.details).toEqual([expect.objectContaining({ field: 'inquiryId', rule: 'requiredWhenShared' })]);
    const foreign = await contact({ visibility: 'shared', inquiryId: other.id, summary: 'Чужа' }).expect(400);
    expect(foreign.body.details).toEqual([expect.objectContaining({ field: 'inquiryId', rule: 'inquiryOfCase' })]);
    await contact({ visibility: 'internal', inquiryId: 'not-a-uuid', summary: 'x' }).expect(400);
    const after = (await db.query(`SELECT count(*)::int AS n FROM case_contacts WHERE case_id = $1`, [caseId]))[0].n;
    expect(after).toBe(before);

    // A family that withdrew no longer sees the case's news: a contact with them is internal.
    await api.http.post(`/api/inquiries/${second.id}/withdraw`).set(wife.auth).send({}).expect(200);
    const gone = await contact({ visibility: 'shared', inquiryId: second.id, summary: 'Після відкликання' }).expect(
      400,
    );
    expect(gone.body.details).toEqual([expect.objectContaining({ field: 'inquiryId', rule: 'linkedInquiry' })]);
    await contact({ visibility: 'internal', inquiryId: second.id.toUpperCase(), summary: 'Після відкликання' }).expect(
      201,
    );
  });

  it('searches cases by name in any script and order', async () => {
    const target = await seedCase(api, {
      surname: 'Олійник',
      givenName: 'Віталій',
      patronymic: 'Михайлович',
      dateOfBirth: '1990-12-12',
    });
    for (const q of [
      'Олейник Виталий',
      'Oliinyk Vitalii',
      'Oleynik Vitaliy Mikhailovich',
      'Віталій Олійник',
      'ОЛІЙНИК',
      'Олiйник Віталій 12.12.1990',
    ]) {
      const res = await api.http.get('/api/cases').query({ q }).set(caseworker.auth).expect(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toContain(target.id);
    }
  });

  it('says when more namesakes exist than a search ranks, and finds the one sought by the date of birth', async () => {
    const letters = 'бвгджзклмнпрстфхцчшщ';
    const surname = `Намес${Array.from({ length: 5 }, () => letters[Math.floor(Math.random() * letters.length)]).join('')}ук`;
    const seeded: string[] = [];
    for (let i = 0; i < CANDIDATE_CAP + 10; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String(Math.floor(i / 28) + 1).padStart(2, '0');
      seeded.push((await seedCase(api, { surname, givenName: 'Остап', dateOfBirth: `1980-${month}-${day}` })).id);
    }
    const list = async (q: string): Promise<{ items: { id: string }[]; truncated: boolean }> =>
      (await api.http.get('/api/cases').query({ q, limit: 100 }).set(caseworker.auth).expect(200)).body;

    const cut = await list(`${surname} Остап`);
    expect(cut.truncated).toBe(true);
    expect(cut.items).toHaveLength(CANDIDATE_CAP);
    const dated = await list(`${surname} Остап 02.02.1980`);
    expect(dated.items[0].id).toBe(seeded[29]);
    // The last namesake in the index's order, past the entries of the name read for a search: its
    // date of birth still finds it, first.
    const last = [...seeded].sort().at(-1)!;
    const i = seeded.indexOf(last);
    const lastBorn = `${String((i % 28) + 1).padStart(2, '0')}.${String(Math.floor(i / 28) + 1).padStart(2, '0')}.1980`;
    for (const q of [`${surname} Остап ${lastBorn}`, `${surname} ${lastBorn}`, `${surname} О. ${lastBorn}`]) {
      const datedLast = await list(q);
      expect(datedLast.items[0].id).toBe(last);
      expect(datedLast.truncated).toBe(true);
    }

    const few = await list('Олійник Віталій');
    expect(few.truncated).toBe(false);
    // Only a search says it: a plain list has no such field.
    expect((await api.http.get('/api/cases').set(caseworker.auth).expect(200)).body).not.toHaveProperty('truncated');
  });

  it('ranks a lookup of several keys as counting every row would, though a common key is read only in part', async () => {
    const letters = 'бвгджзклмнпрстфхцчшщ';
    const random = (): string =>
      Array.from({ length: 5 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
    const common = `Спіль${random()}енко`;
    const rare = `Рід${random()}ак`;
    const born = (i: number): string =>
      `1975-${String(Math.floor(i / 28) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const seeded: { id: string; born: string }[] = [];
    for (let i = 0; i < CANDIDATE_CAP + 15; i++)
      seeded.push({
        id: (await seedCase(api, { surname: common, givenName: 'Остап', dateOfBirth: born(i) })).id,
        born: born(i),
      });
    // The same given name and birthdays under a rare surname, the first and last namesakes' (by id) among them.
    const byId = [...seeded].sort((a, b) => (a.id < b.id ? -1 : 1));
    const [first, last] = [byId[0], byId.at(-1)!];
    for (const dateOfBirth of [last.born, first.born, born(40)])
      await seedCase(api, { surname: rare, givenName: 'Остап', dateOfBirth });

    const [c, g] = storedKeys({ surname: common, givenName: 'Остап' }).words.map((w) => w.canonical);
    const [r] = storedKeys({ surname: rare, givenName: 'Остап' }).words.map((w) => w.canonical);
    const names = api.app.get(NameSearchRepository);
    const db = api.app.get(DataSource);
    const counted = async (keys: string[]): Promise<string[]> =>
      (
        await db.query(
          `SELECT case_id FROM case_name_keys WHERE key = ANY($1::text[])
            GROUP BY case_id ORDER BY count(*) DESC, case_id LIMIT $2`,
          [keys, CANDIDATE_CAP + 1],
        )
      ).map((row: { case_id: string }) => row.case_id);
    for (const keys of [
      [c, birthKey(last.born, c)],
      [c, r, birthKey(last.born, c), birthKey(last.born, r)],
      [c, r],
      [pairKey(c, g), pairKey(r, g), birthKey(last.born, c), birthKey(last.born, g)],
      [pairKey(c, g), pairKey(r, g), birthKey(born(40), g)],
      [g, birthKey(last.born, c)],
      [pairKey(c, g), birthKey(first.born, c), birthKey(first.born, g)],
    ]) {
      const found = (await names.casesByKeys(keys, CANDIDATE_CAP + 1)).map((row) => row.id);
      expect(found).toEqual(await counted(keys));
    }
    // One word and the date: the namesake born that day first, though past the rows of the surname read.
    expect((await names.casesByKeys([c, birthKey(last.born, c)], CANDIDATE_CAP + 1))[0].id).toBe(last.id);
    // The dated key alone finds `last` (it comes after the pair's rows read): it is counted over every key.
    expect((await names.casesByKeys([pairKey(c, g), birthKey(last.born, g)], CANDIDATE_CAP + 1))[0].id).toBe(last.id);
    // Found under the pair and under a dated key: counted once for each.
    expect((await names.casesByKeys([pairKey(c, g), birthKey(first.born, c)], CANDIDATE_CAP + 1))[0].id).toBe(first.id);

    // A placeholder day (1 January) shared by more cases than a key's rows read: the person with
    // the name and that day, last of all by id, still comes first.
    const day = '1961-01-01';
    for (let i = 0; i < CANDIDATE_CAP + 5; i++) {
      await seedCase(api, { surname: rare, givenName: 'Остап', patronymic: 'Петрович', dateOfBirth: day });
      await seedCase(api, { surname: rare, givenName: 'Тарас', patronymic: 'Іванович', dateOfBirth: day });
    }
    const hex = Array.from({ length: 12 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
    const sought = await seedCase(api, {
      id: `ffffffff-ffff-4fff-bfff-${hex}`,
      surname: common,
      givenName: 'Остап',
      patronymic: 'Іванович',
      dateOfBirth: day,
    });
    const [, , p] = storedKeys({ surname: common, givenName: 'Остап', patronymic: 'Іванович' }).words.map(
      (w) => w.canonical,
    );
    for (const keys of [
      [pairKey(g, p), birthKey(day, g), birthKey(day, p)],
      [pairKey(c, g), birthKey(day, c), birthKey(day, g)],
    ]) {
      const found = (await names.casesByKeys(keys, CANDIDATE_CAP + 1)).map((row) => row.id);
      expect(found).toEqual(await counted(keys));
      expect(found[0]).toBe(sought.id);
    }
  });

  it('lists cases with filters and keyset pages under a hard limit', async () => {
    const mine = await seedCase(api, { assigneeId: colleague.id, status: 'missing' });
    const res = await api.http
      .get('/api/cases')
      .query({ assigneeId: colleague.id, status: 'missing,registered', limit: 100 })
      .set(council.auth)
      .expect(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    await api.http.get('/api/cases').query({ limit: 101 }).set(council.auth).expect(400);
    await api.http.get('/api/cases').query({ status: 'lost' }).set(council.auth).expect(400);
    for (const updatedFrom of ['2026-W01-1', '20260101', '2026-01-01T00:00:00']) {
      const bad = await api.http.get('/api/cases').query({ updatedFrom }).set(council.auth).expect(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'updatedFrom' })]);
    }
    const upper = await api.http
      .get('/api/cases')
      .query({ assigneeId: colleague.id.toUpperCase(), updatedFrom: '2000-01-01T00:00:00+02:00' })
      .set(council.auth)
      .expect(200);
    expect(upper.body.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    const page = await api.http.get('/api/cases').query({ limit: 2 }).set(council.auth).expect(200);
    const next = await api.http
      .get('/api/cases')
      .query({ limit: 2, cursor: page.body.nextCursor })
      .set(council.auth)
      .expect(200);
    expect(next.body.items[0].id).not.toEqual(page.body.items[0].id);
  });

  describe('the status machine over HTTP (every from × to, as caseworker and council)', () => {
    const rows = CASE_STATUSES.flatMap((from) =>
      CASE_STATUSES.flatMap((to) => (['caseworker', 'council'] as const).map((role) => [from, to, role] as const)),
    );

    it.each(rows)('%s → %s as %s', async (from, to, role) => {
      const actor = role === 'caseworker' ? caseworker : council;
      const seeded = await seedCase(api, { status: from, assigneeId: caseworker.id });
      const res = await api.http
        .post(`/api/cases/${seeded.id}/status`)
        .set(actor.auth)
        .send({ to, evidenceSource: 'other', reason: 'Підстава', version: seeded.version });
      const allowed = TRANSITIONS[from].includes(to);
      const reopen = from === 'closed' && to === 'registered';
      if (!allowed) {
        expect(res.status).toBe(422);
        expect(res.body.details.allowed).toEqual([...TRANSITIONS[from]]);
      } else if (reopen && role === 'caseworker') {
        expect(res.status).toBe(403);
      } else {
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ status: to, version: seeded.version + 1 });
      }
    });
  });

  it('requires a reason for closed, deceased and reopening, and writes nothing without', async () => {
    const seeded = await seedCase(api, { status: 'missing', assigneeId: caseworker.id });
    const res = await api.http
      .post(`/api/cases/${seeded.id}/status`)
      .set(caseworker.auth)
      .send({ to: 'deceased', evidenceSource: 'dna_identification', version: 1 })
      .expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'reason' });
    const after = await api.http.get(`/api/cases/${seeded.id}`).set(caseworker.auth).expect(200);
    expect(after.body).toMatchObject({ status: 'missing', version: 1 });
    await api.http
      .post(`/api/cases/${seeded.id}/status`)
      .set(caseworker.auth)
      .send({ to: 'missing', version: 1 })
      .expect(400);
  });

  it('answers one of two updates with the same version 200 and the other 409', async () => {
    const seeded = await seedCase(api, { status: 'registered', assigneeId: caseworker.id });
    const send = () =>
      api.http
        .post(`/api/cases/${seeded.id}/status`)
        .set(caseworker.auth)
        .send({ to: 'missing', evidenceSource: 'family_report', version: 1 });
    const results = await Promise.all([send(), send()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const patch = await api.http
      .patch(`/api/cases/${seeded.id}`)
      .set(caseworker.auth)
      .send({ version: 1, disappearance: { place: 'Бахмут' } });
    expect(patch.status).toBe(409);
  });

  it('lets only the assigned caseworker change a case (403 for a colleague), and council any', async () => {
    const seeded = await seedCase(api, { status: 'registered', assigneeId: caseworker.id });
    await api.http
      .post(`/api/cases/${seeded.id}/status`)
      .set(colleague.auth)
      .send({ to: 'missing', evidenceSource: 'other', version: 1 })
      .expect(403);
    await api.http
      .post(`/api/cases/${seeded.id}/notes`)
      .set(colleague.auth)
      .send({ visibility: 'internal', body: 'x' })
      .expect(403);
    await api.http
      .patch(`/api/cases/${seeded.id}`)
      .set(colleague.auth)
      .send({ version: 1, person: { givenName: 'Петро' } })
      .expect(403);
    await api.http.get(`/api/cases/${seeded.id}`).set(colleague.auth).expect(200);
    await api.http
      .post(`/api/cases/${seeded.id}/status`)
      .set(council.auth)
      .send({ to: 'missing', evidenceSource: 'other', version: 1 })
      .expect(200);
  });

  it('assigns: council to anyone, a caseworker only an unassigned case to themself', async () => {
    const free = await seedCase(api);
    await api.http
      .post(`/api/cases/${free.id}/assign`)
      .set(caseworker.auth)
      .send({ assigneeId: colleague.id })
      .expect(403);
    await api.http
      .post(`/api/cases/${free.id}/assign`)
      .set(caseworker.auth)
      .send({ assigneeId: caseworker.id })
      .expect(200);
    await api.http
      .post(`/api/cases/${free.id}/assign`)
      .set(colleague.auth)
      .send({ assigneeId: colleague.id })
      .expect(403);
    await api.http
      .post(`/api/cases/${free.id}/assign`)
      .set(council.auth)
      .send({ assigneeId: colleague.id })
      .expect(200);
    await api.http.post(`/api/cases/${free.id}/assign`).set(council.auth).send({ assigneeId: admin.id }).expect(400);
    const events = await db.query(
      `SELECT payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'case.assigned'`,
      [free.id],
    );
    expect(events.map((e: { payload: { assigneeId: string } }) => e.payload.assigneeId)).toEqual([
      caseworker.id,
      colleague.id,
    ]);
  });

  it('merges a duplicate: inquiries, notes and history move; the duplicate closes with a pointer', async () => {
    const family = await signUpFamily(api);
    const inquiry = await submitInquiry(api, family, {
      person: { surname: 'Бойко', givenName: 'Руслан', serviceNumber: undefined },
    });
    const dup = await api.http.post('/api/cases').set(caseworker.auth).send({ fromInquiryId: inquiry.id }).expect(201);
    await api.http
      .post(`/api/cases/${dup.body.id}/notes`)
      .set(caseworker.auth)
      .send({ visibility: 'internal', body: 'дубль' })
      .expect(201);
    const survivor = await seedCase(api, { surname: 'Бойко', givenName: 'Руслан', assigneeId: colleague.id });
    await api.http
      .post(`/api/cases/${dup.body.id}/contacts`)
      .set(caseworker.auth)
      .send({ channel: 'phone', visibility: 'internal', summary: 'Дзвінок матері' })
      .expect(201);
    await api.http
      .post(`/api/cases/${dup.body.id}/merge`)
      .set(caseworker.auth)
      .send({ intoCaseId: survivor.id })
      .expect(403);
    await api.http
      .post(`/api/cases/${dup.body.id}/merge`)
      .set(council.auth)
      .send({ intoCaseId: survivor.id })
      .expect(200);
    const merged = await api.http.get(`/api/cases/${dup.body.id}`).set(council.auth).expect(200);
    expect(merged.body).toMatchObject({ status: 'closed', mergedIntoId: survivor.id, inquiries: [], notes: [] });
    const kept = await api.http.get(`/api/cases/${survivor.id}`).set(council.auth).expect(200);
    expect(kept.body.inquiries.map((i: { id: string }) => i.id)).toEqual([inquiry.id]);
    expect(kept.body.notes[0]).toMatchObject({ body: 'дубль', originalCaseId: dup.body.id });
    const contacts = await api.http.get(`/api/cases/${survivor.id}/contacts`).set(council.auth).expect(200);
    expect(contacts.body.items.map((c: { summary: string }) => c.summary)).toEqual(['Дзвінок матері']);
    expect(kept.body.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['created', 'inquiry_linked', 'merged_in']),
    );
    await api.http
      .post(`/api/cases/${dup.body.id}/merge`)
      .set(council.auth)
      .send({ intoCaseId: survivor.id })
      .expect(422);
    const audit = await db.query(
      `SELECT action FROM audit_log WHERE entity_id IN ($1, $2) AND action LIKE 'case.merge%' ORDER BY action`,
      [dup.body.id, survivor.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['case.merge_away', 'case.merge_in']);
  });

  it("answers a family 404 for another family's inquiry, exactly as for a missing one", async () => {
    const a = await signUpFamily(api);
    const b = await signUpFamily(api);
    const inquiry = await submitInquiry(api, a);
    const foreign = await api.http.get(`/api/inquiries/${inquiry.id}`).set(b.auth).expect(404);
    const missing = await api.http.get('/api/inquiries/00000000-0000-4000-8000-000000000000').set(b.auth).expect(404);
    expect({ ...foreign.body, requestId: '' }).toEqual({ ...missing.body, requestId: '' });
    await api.http.get(`/api/inquiries/${inquiry.id}/timeline`).set(b.auth).expect(404);
    await api.http.post(`/api/inquiries/${inquiry.id}/withdraw`).set(b.auth).send({}).expect(404);
    await api.http.get(`/api/inquiries/${inquiry.id}`).set(a.auth).expect(200);
  });

  it('lets a family withdraw; the case goes on', async () => {
    const family = await signUpFamily(api);
    const inquiry = await submitInquiry(api, family);
    await api.http.post('/api/cases').set(caseworker.auth).send({ fromInquiryId: inquiry.id }).expect(201);
    const res = await api.http
      .post(`/api/inquiries/${inquiry.id}/withdraw`)
      .set(family.auth)
      .send({ reason: 'Знайшовся' })
      .expect(200);
    expect(res.body.status).toBe('withdrawn');
    await api.http.post(`/api/inquiries/${inquiry.id}/withdraw`).set(family.auth).send({}).expect(422);
  });

  it('rejects with a reason the family reads', async () => {
    const family = await signUpFamily(api);
    const inquiry = await submitInquiry(api, family);
    await api.http.post(`/api/inquiries/${inquiry.id}/reject`).set(caseworker.auth).send({}).expect(400);
    await api.http
      .post(`/api/inquiries/${inquiry.id}/reject`)
      .set(caseworker.auth)
      .send({ reason: 'Дані неповні' })
      .expect(200);
    const timeline = await api.http.get(`/api/inquiries/${inquiry.id}/timeline`).set(family.auth).expect(200);
    expect(timeline.body.items.at(-1)).toMatchObject({ type: 'rejected', text: 'Дані неповні' });
    await api.http
      .post(`/api/inquiries/${inquiry.id}/link`)
      .set(caseworker.auth)
      .send({ caseId: (await seedCase(api)).id })
      .expect(422);
  });

  it('refuses to merge a case into itself however its id is written, and ids in capitals name the same case', async () => {
    const seeded = await seedCase(api, { assigneeId: caseworker.id });
    for (const intoCaseId of [seeded.id, seeded.id.toUpperCase()]) {
      const res = await api.http
        .post(`/api/cases/${seeded.id}/merge`)
        .set(council.auth)
        .send({ intoCaseId })
        .expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'intoCaseId', rule: 'notSelf' })]);
    }
    const [row] = await db.query(`SELECT status, merged_into_id FROM cases WHERE id = $1`, [seeded.id]);
    expect(row.merged_into_id).toBeNull();
    // The database refuses it too.
    await expect(
      db.query(`UPDATE cases SET merged_into_id = id, status = 'closed' WHERE id = $1`, [seeded.id]),
    ).rejects.toThrow(/cases_not_merged_into_itself/);
    // A caseworker may take an unassigned case for themself, their id written in capitals.
    const free = await seedCase(api);
    await api.http
      .post(`/api/cases/${free.id}/assign`)
      .set(colleague.auth)
      .send({ assigneeId: colleague.id.toUpperCase() })
      .expect(200);
    const [taken] = await db.query(`SELECT assignee_id FROM cases WHERE id = $1`, [free.id]);
    expect(taken.assignee_id).toBe(colleague.id);
  });

  it('keeps families off every staff route (403) and strangers off all (401)', async () => {
    const family = await signUpFamily(api);
    const inquiry = await submitInquiry(api, family);
    const seeded = await seedCase(api);
    const staffRoutes: [string, string, object?][] = [
      ['get', '/api/cases'],
      ['get', `/api/cases/${seeded.id}`],
      ['get', `/api/cases/${seeded.id}/history`],
      ['post', '/api/cases', { fromInquiryId: inquiry.id }],
      ['patch', `/api/cases/${seeded.id}`, { version: 1 }],
      ['post', `/api/cases/${seeded.id}/status`, { to: 'missing', evidenceSource: 'other', version: 1 }],
      ['post', `/api/cases/${seeded.id}/assign`, { assigneeId: family.id }],
      ['post', `/api/cases/${seeded.id}/notes`, { visibility: 'shared', body: 'x' }],
      ['post', `/api/cases/${seeded.id}/merge`, { intoCaseId: seeded.id }],
      ['get', `/api/inquiries/${inquiry.id}/matches`],
      ['post', `/api/inquiries/${inquiry.id}/review`, {}],
      ['post', `/api/inquiries/${inquiry.id}/link`, { caseId: seeded.id }],
      ['post', `/api/inquiries/${inquiry.id}/reject`, { reason: 'x' }],
      ['post', `/api/inquiries/${inquiry.id}/verify-kinship`, { method: 'call_back' }],
    ];
    const call = (method: string, url: string): Test =>
      (api.http as unknown as Record<string, (u: string) => Test>)[method](url);
    for (const [method, url, body] of staffRoutes) {
      const asFamily = await call(method, url)
        .set(family.auth)
        .send(body ?? {});
      expect([url, asFamily.status]).toEqual([url, 403]);
      const asAdmin = await call(method, url)
        .set(admin.auth)
        .send(body ?? {});
      expect([url, asAdmin.status]).toEqual([url, 403]);
      const asStranger = await call(method, url).send(body ?? {});
      expect([url, asStranger.status]).toEqual([url, 401]);
    }
    await api.http.post('/api/inquiries').set(caseworker.auth).send(inquiryBody()).expect(403);
    await api.http.post(`/api/inquiries/${inquiry.id}/withdraw`).set(caseworker.auth).send({}).expect(403);
    // An administrator manages accounts and holds no inquiry data, not even an empty list of their own.
    for (const url of ['/api/inquiries', `/api/inquiries/${inquiry.id}`, `/api/inquiries/${inquiry.id}/timeline`]) {
      expect([url, (await api.http.get(url).set(admin.auth)).status]).toEqual([url, 403]);
    }
  });

  it.each([
    ['no surname', { person: { surname: undefined } }, 'person.surname'],
    ['digits in a name', { person: { givenName: 'Андрій2' } }, 'person.givenName'],
    ['a future date of birth', { person: { dateOfBirth: '2999-01-01' } }, 'person.dateOfBirth'],
    ['a date of birth before 1900', { person: { dateOfBirth: '1899-12-31' } }, 'person.dateOfBirth'],
    ['an impossible date', { person: { dateOfBirth: '1990-02-31' } }, 'person.dateOfBirth'],
    ['military fields for a civilian', { person: { category: 'civilian' } }, 'person.militaryUnit'],
    ['a future disappearance', { disappearance: { date: '2999-01-01' } }, 'disappearance.date'],
    ['no consent', { consent: false }, 'consent'],
    ['a bad relationship', { relationship: 'neighbour' }, 'relationship'],
    ['an unknown field', { person: { nickname: 'x' } }, 'person.nickname'],
    ['overlong circumstances', { disappearance: { circumstances: 'x'.repeat(4001) } }, 'disappearance.circumstances'],
  ])('refuses an inquiry with %s (400 naming the field), writing nothing', async (_label, change, field) => {
    const family = await signUpFamily(api);
    const body = inquiryBody(change as Parameters<typeof inquiryBody>[0]);
    const res = await api.http.post('/api/inquiries').set(family.auth).send(body).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    const own = await api.http.get('/api/inquiries').set(family.auth).expect(200);
    expect(own.body.items).toEqual([]);
  });

  it('names each refused field once, by the first rule it fails', async () => {
    const family = await signUpFamily(api);
    const body = inquiryBody({ person: { dateOfBirth: 'yesterday', surname: 42 as unknown as string } });
    const res = await api.http.post('/api/inquiries').set(family.auth).send(body).expect(400);
    expect(res.body.details.map((d: { field: string; rule: string }) => [d.field, d.rule]).sort()).toEqual([
      ['person.dateOfBirth', 'isIso8601'],
      ['person.surname', 'isString'],
    ]);
  });

  it('throttles inquiry submission per account', async () => {
    const limited = await startTestApi({ inquiryMaxPerAccount: 2 });
    try {
      const family = await signUpFamily(limited);
      await submitInquiry(limited, family);
      await submitInquiry(limited, family);
      const res = await limited.http.post('/api/inquiries').set(family.auth).send(inquiryBody()).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
