import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { seedCase } from './support/cases';
import { caseFollowedByFamily } from './support/exchanges-cases';
import { createExchange, csvFile, postCsvBody, ReturneeAnswer, uploadCsv } from './support/exchanges-factories';
import { SignedIn, signInStaff } from './support/factories';

// Names no other test uses: the end-to-end specs share one database.
const SOMKO = { surname: 'Сомко', givenName: 'Віталій', patronymic: 'Михайлович', dateOfBirth: '1990-12-12' };
const UKRAINIAN_HEADER = ['прізвище', "ім'я", 'по батькові', 'дата народження'];

describe('Return lists (e2e)', () => {
  let api: TestApi;
  let db: DataSource;
  let council: SignedIn;
  let caseworker: SignedIn;
  let exchangeId: string;
  let somko: { id: string };

  beforeAll(async () => {
    api = await startTestApi({ inquiryMaxPerAccount: 1000 });
    db = api.app.get(DataSource);
    [council, caseworker] = await Promise.all([signInStaff(api, 'council'), signInStaff(api, 'caseworker')]);
    exchangeId = (await createExchange(api, council, { date: '2021-06-06' })).id;
    somko = await seedCase(api, { ...SOMKO, status: 'captivity_confirmed' });
    await seedCase(api, { ...SOMKO, dateOfBirth: '1985-01-01' });
  });

  afterAll(async () => {
    await api.close();
  });

  const batches = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM exchange_batches WHERE exchange_id = $1`, [exchangeId]))[0].n;

  describe('reads lists as spreadsheets save them', () => {
    const rows = [
      ['Сомко', 'Виталий', 'Михайлович', '12.12.1990'],
      ['Somko', 'Vitalii', 'Mykhailovych', '1990-12-12'],
      ['СОМКО', 'ВІТАЛІЙ', '', '12.12.1990'],
    ];
    it.each([
      ['UTF-8 with a byte-order mark, semicolons', csvFile([UKRAINIAN_HEADER, ...rows], { encoding: 'utf8-bom' })],
      ['UTF-8 without a mark, commas', csvFile([UKRAINIAN_HEADER, ...rows], { delimiter: ',', encoding: 'utf8' })],
      ['Windows-1251, semicolons, LF', csvFile([UKRAINIAN_HEADER, ...rows], { encoding: 'win1251', eol: '\n' })],
      [
        'English headers, tabs',
        csvFile([['Surname', 'Given name', 'Patronymic', 'Date of birth'], ...rows], { delimiter: '\t' }),
      ],
    ])('%s', async (_label, file) => {
      for (const send of [uploadCsv, postCsvBody]) {
        const res = await send(api, council, exchangeId, file).expect(201);
        const answer = res.body as ReturneeAnswer;
        expect(answer.rows.map((r) => [r.row, r.candidates[0]?.caseId])).toEqual([
          [1, somko.id],
          [2, somko.id],
          [3, somko.id],
        ]);
        // The same person listed three times: none of the rows is confident.
        expect(answer.rows.map((r) => r.note)).toEqual(Array(3).fill('same_case_in_other_rows'));
        expect(answer.rows[1].input).toEqual({
          surname: 'Somko',
          givenName: 'Vitalii',
          patronymic: 'Mykhailovych',
          dateOfBirth: '1990-12-12',
        });
      }
    });

    it('takes one full-name column (ПІБ) and answers in the contract shape', async () => {
      const file = csvFile([
        ['ПІБ', 'Дата народження'],
        ['Сомко Віталій Михайлович', '12.12.1990'],
      ]);
      const res = await uploadCsv(api, council, exchangeId, file).expect(201);
      expect(res.body).toMatchObject({ batchId: expect.any(String), rows: [{ row: 1, classification: 'confident' }] });
      expect(res.body.rows[0].candidates[0]).toMatchObject({ caseId: somko.id, score: expect.any(Number) });
    });
  });

  describe('refuses a bad list with a 400 naming row and field, storing nothing', () => {
    it.each([
      ['no name in a row', [UKRAINIAN_HEADER, ['Сомко', 'Віталій', '', ''], ['', '', '', '12.12.1990']], 2, 'fullName'],
      ['an impossible date', [UKRAINIAN_HEADER, ['Сомко', 'Віталій', '', '31.02.1990']], 1, 'dateOfBirth'],
      ['a date in the future', [UKRAINIAN_HEADER, ['Сомко', 'Віталій', '', '01.01.2999']], 1, 'dateOfBirth'],
      ['digits in a name', [UKRAINIAN_HEADER, ['Сомко1', 'Віталій', '', '']], 1, 'surname'],
      ['a surname without a given name', [UKRAINIAN_HEADER, ['Сомко', '', '', '']], 1, 'givenName'],
    ])('%s', async (_label, cells, row, field) => {
      const before = await batches();
      const res = await uploadCsv(api, council, exchangeId, csvFile(cells)).expect(400);
      expect(res.body.details).toContainEqual(expect.objectContaining({ row, field, line: row + 1 }));
      expect(res.body.message).toMatch(/nothing was stored/);
      expect(await batches()).toBe(before);
    });

    it.each([
      ['an unknown column', 'surname;givenName;звання\nСомко;Віталій;солдат', 'header', 'knownColumn'],
      ['no name columns', 'дата народження\n12.12.1990', 'header', 'nameColumns'],
      ['a quote never closed', 'surname;givenName\n"Сомко;Віталій', 'file', 'csv'],
      ['more cells than the header', 'surname;givenName\nСомко;Віталій;Михайлович', 'file', 'cellCount'],
      ['an empty file', '', 'file', 'notEmpty'],
      ['only a header', 'surname;givenName', 'rows', 'arrayNotEmpty'],
    ])('a malformed CSV: %s', async (_label, text, field, rule) => {
      const before = await batches();
      const res = await uploadCsv(api, council, exchangeId, Buffer.from(text, 'utf8')).expect(400);
      expect(res.body.details).toContainEqual(expect.objectContaining({ field, rule }));
      expect(await batches()).toBe(before);
    });

    it('a UTF-16 file, with a hint', async () => {
      const file = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('surname\tgivenName\n', 'utf16le')]);
      const res = await uploadCsv(api, council, exchangeId, file).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'file', rule: 'encoding' });
    });

    it('more than 2,000 rows, as CSV or JSON', async () => {
      const before = await batches();
      const many = Array.from({ length: 2001 }, () => ['Сомко', 'Віталій', '', '']);
      const csv = await uploadCsv(api, council, exchangeId, csvFile([UKRAINIAN_HEADER, ...many])).expect(400);
      expect(csv.body.details[0]).toMatchObject({ field: 'rows', rule: 'arrayMaxSize' });
      const json = await api.http
        .post(`/api/exchanges/${exchangeId}/returnees`)
        .set(council.auth)
        .send({ rows: many.map(([surname, givenName]) => ({ surname, givenName })) })
        .expect(400);
      expect(json.body.details[0]).toMatchObject({ field: 'rows', rule: 'arrayMaxSize' });
      expect(await batches()).toBe(before);
    });

    it.each([
      ['no rows', {}, 'rows'],
      ['rows not a list', { rows: 'Сомко' }, 'rows'],
      ['an unknown field beside rows', { rows: [{ fullName: 'Сомко Віталій' }], exchange: 1 }, 'exchange'],
      ['an unknown field in a row', { rows: [{ fullName: 'Сомко Віталій', rank: 'солдат' }] }, 'rank'],
      ['a number for a date', { rows: [{ fullName: 'Сомко Віталій', dateOfBirth: 19901212 }] }, 'dateOfBirth'],
      ['a one-word full name', { rows: [{ fullName: 'Сомко' }] }, 'fullName'],
    ])('a JSON list with %s', async (_label, body, field) => {
      const before = await batches();
      const res = await api.http
        .post(`/api/exchanges/${exchangeId}/returnees`)
        .set(council.auth)
        .send(body)
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await batches()).toBe(before);
    });

    it('a multipart body without a file', async () => {
      await api.http
        .post(`/api/exchanges/${exchangeId}/returnees`)
        .set(council.auth)
        .field('note', 'no file')
        .expect(400)
        .expect((res) => expect(res.body.details[0]).toMatchObject({ field: 'file', rule: 'required' }));
    });

    it('a list for an exchange that does not exist (404)', async () => {
      await api.http
        .post('/api/exchanges/00000000-0000-4000-8000-000000000000/returnees')
        .set(council.auth)
        .send({ rows: [{ fullName: 'Сомко Віталій' }] })
        .expect(404);
    });
  });

  describe('confirmation', () => {
    let list: ReturneeAnswer;
    let barabash: { caseId: string };
    let kobzar: { id: string };
    let chuprynka: { id: string };

    beforeAll(async () => {
      barabash = await caseFollowedByFamily(api, caseworker, {
        surname: 'Барабаш',
        givenName: 'Тарас',
        patronymic: 'Ігорович',
        dateOfBirth: '1989-05-17',
        serviceNumber: 'БР-771100',
      });
      kobzar = await seedCase(api, {
        surname: 'Кобзар',
        givenName: 'Остап',
        patronymic: 'Романович',
        dateOfBirth: '1992-10-01',
        status: 'exchange_listed',
      });
      chuprynka = await seedCase(api, {
        surname: 'Чупринка',
        givenName: 'Назар',
        patronymic: 'Богданович',
        dateOfBirth: '1979-03-03',
        status: 'captivity_confirmed',
      });
      const res = await api.http
        .post(`/api/exchanges/${exchangeId}/returnees`)
        .set(council.auth)
        .send({
          rows: [
            { fullName: 'Barabash Taras', serviceNumber: 'БР 771100' },
            { surname: 'Кобзарь', givenName: 'Остап', patronymic: 'Романович', dateOfBirth: '01.10.1992' },
            { surname: 'Чупринка', givenName: 'Назар', patronymic: 'Богданович', dateOfBirth: '1979-03-03' },
            { fullName: 'Никто Никитович Неизвестный' },
          ],
        })
        .expect(201);
      list = res.body as ReturneeAnswer;
    });

    const confirm = (body: object) =>
      api.http.post(`/api/exchanges/${exchangeId}/returnees/confirm`).set(council.auth).send(body);

    it('matches by service number and by a misspelt surname', () => {
      expect(list.rows[0]).toMatchObject({
        classification: 'confident',
        candidates: [{ caseId: barabash.caseId, reasons: expect.arrayContaining(['service_number_match']) }],
      });
      expect(list.rows[1].candidates[0].caseId).toBe(kobzar.id);
      expect(list.rows[3].classification).toBe('none');
    });

    it('refuses a request choosing one row or one case twice, or a row not in the list (400)', async () => {
      const twice = await confirm({
        batchId: list.batchId,
        matches: [
          { row: 1, caseId: barabash.caseId },
          { row: 1, caseId: kobzar.id },
        ],
      }).expect(400);
      expect(twice.body.details[0]).toMatchObject({ field: 'matches[1].row', rule: 'unique' });
      const sameCase = await confirm({
        batchId: list.batchId,
        matches: [
          { row: 1, caseId: kobzar.id },
          { row: 2, caseId: kobzar.id },
        ],
      }).expect(400);
      expect(sameCase.body.details[0]).toMatchObject({ field: 'matches[1].caseId', rule: 'unique' });
      const outside = await confirm({ batchId: list.batchId, matches: [{ row: 9, caseId: kobzar.id }] }).expect(400);
      expect(outside.body.details[0]).toMatchObject({ field: 'matches[0].row', rule: 'inBatch' });
      const noCase = await confirm({
        batchId: list.batchId,
        matches: [{ row: 2, caseId: '00000000-0000-4000-8000-000000000000' }],
      }).expect(400);
      expect(noCase.body.details[0]).toMatchObject({ field: 'matches[0].caseId', rule: 'exists' });
      await confirm({ batchId: list.batchId, matches: [] }).expect(400);
      await confirm({ batchId: list.batchId, matches: [{ row: 2, caseId: kobzar.id, outcome: 'escaped' }] }).expect(
        400,
      );
      await confirm({
        batchId: '00000000-0000-4000-8000-000000000000',
        matches: [{ row: 2, caseId: kobzar.id }],
      }).expect(404);
      const links = await db.query(`SELECT 1 FROM exchange_case_links WHERE exchange_id = $1`, [exchangeId]);
      expect(links).toEqual([]);
    });

    it('applies concurrent confirmations of one list once', async () => {
      const body = {
        batchId: list.batchId,
        matches: [
          { row: 1, caseId: barabash.caseId },
          { row: 2, caseId: kobzar.id },
        ],
      };
      const [a, b] = await Promise.all([confirm(body), confirm(body)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const applied = [...a.body.applied, ...b.body.applied].map((x: { row: number }) => x.row).sort();
      const already = [...a.body.alreadyApplied, ...b.body.alreadyApplied].map((x: { row: number }) => x.row).sort();
      expect(applied).toEqual([1, 2]);
      expect(already).toEqual([1, 2]);
      const events = await db.query(
        `SELECT aggregate_id FROM outbox_events WHERE type = 'case.status_changed' AND payload->>'to' = 'returned'
            AND aggregate_id = ANY($1::uuid[])`,
        [[barabash.caseId, kobzar.id]],
      );
      expect(events).toHaveLength(2);
    });

    it('refuses (409) a row confirmed before with another case, or a case confirmed for another row', async () => {
      const other = await confirm({ batchId: list.batchId, matches: [{ row: 2, caseId: chuprynka.id }] }).expect(409);
      expect(other.body.details.conflicts).toEqual([
        { row: 2, caseId: chuprynka.id, appliedCaseId: kobzar.id, appliedInRow: null },
      ]);
      const taken = await confirm({ batchId: list.batchId, matches: [{ row: 3, caseId: kobzar.id }] }).expect(409);
      expect(taken.body.details.conflicts).toEqual([
        { row: 3, caseId: kobzar.id, appliedCaseId: null, appliedInRow: 2 },
      ]);
      const outcome = await confirm({
        batchId: list.batchId,
        matches: [{ row: 2, caseId: kobzar.id, outcome: 'listed_not_returned' }],
      }).expect(409);
      expect(outcome.body.details.conflicts[0]).toMatchObject({ row: 2 });
    });

    it('applies other outcomes from a list: remains repatriated for the caseworker, no news forced', async () => {
      const res = await confirm({
        batchId: list.batchId,
        matches: [{ row: 3, caseId: chuprynka.id, outcome: 'remains_repatriated' }],
      }).expect(200);
      expect(res.body.applied).toEqual([
        { row: 3, caseId: chuprynka.id, outcome: 'remains_repatriated', result: 'moved', caseStatus: 'deceased' },
      ]);
      expect(res.body.openRows).toEqual([{ row: 4, classification: 'none' }]);
      const types = await db.query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1`, [chuprynka.id]);
      expect(types.map((t: { type: string }) => t.type).sort()).toEqual([
        'case.exchange_outcome',
        'case.status_changed',
      ]);
      const batch = await api.http
        .get(`/api/exchanges/${exchangeId}/returnees/${list.batchId}`)
        .set(caseworker.auth)
        .expect(200);
      expect(batch.body).toMatchObject({ applied: 3, summary: { rows: 4 }, lastConfirmedAt: expect.any(String) });
      const applied = await api.http
        .get(`/api/exchanges/${exchangeId}/returnees/${list.batchId}/rows`)
        .query({ applied: true })
        .set(caseworker.auth)
        .expect(200);
      expect(applied.body.items.map((r: { row: number; applied: { by: string } }) => [r.row, r.applied.by])).toEqual([
        [1, council.id],
        [2, council.id],
        [3, council.id],
      ]);
      const lists = await api.http.get(`/api/exchanges/${exchangeId}/returnees`).set(caseworker.auth).expect(200);
      expect(lists.body.items.map((b: { batchId: string }) => b.batchId)).toContain(list.batchId);
      await api.http
        .get(`/api/exchanges/${exchangeId}/returnees/${list.batchId}/rows`)
        .query({ classification: 'maybe' })
        .set(caseworker.auth)
        .expect(400);
      const elsewhere = await createExchange(api, council, { date: '2021-06-08' });
      await api.http.get(`/api/exchanges/${elsewhere.id}/returnees/${list.batchId}`).set(caseworker.auth).expect(404);
    });
  });

  // Last: closing a second api in the same process disconnects the first one's TypeORM repositories.
  describe('with a small body limit', () => {
    it('a file larger than the body limit (413)', async () => {
      const small = await startTestApi({ bodyLimitBytes: 2048 });
      try {
        const smallCouncil = await signInStaff(small, 'council');
        const exchange = await createExchange(small, smallCouncil, { date: '2021-06-07' });
        const big = csvFile([UKRAINIAN_HEADER, ...Array.from({ length: 200 }, () => ['Сомко', 'Віталій', '', ''])]);
        await uploadCsv(small, smallCouncil, exchange.id, big).expect(413);
        await postCsvBody(small, smallCouncil, exchange.id, big).expect(413);
      } finally {
        await small.close();
      }
    });
  });
});
