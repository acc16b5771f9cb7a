import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { caseFollowedByFamily, FollowedCase } from './support/exchanges-cases';
import { createExchange, ReturneeAnswer } from './support/exchanges-factories';
import { SignedIn, signInStaff } from './support/factories';
import { startTestWorker, TestWorker, waitForPipeline } from './support/notifications-harness';

interface InboxItem {
  id: string;
  type: string;
  /** Family messages name the inquiry, staff messages the case. */
  inquiryId?: string;
  caseId?: string;
}

/** Exchange day through the notification pipeline: what families and caseworkers are told, once. */
describe('Exchange day messages (e2e)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let db: DataSource;
  let caseworker: SignedIn;
  let council: SignedIn;

  const inbox = async (user: SignedIn): Promise<InboxItem[]> =>
    (await api.http.get('/api/me/notifications').set(user.auth).expect(200)).body.items;

  beforeAll(async () => {
    api = await startTestApi({ inquiryMaxPerAccount: 1000 });
    db = api.app.get(DataSource);
    worker = await startTestWorker({ outboxPollMs: 200, notifyRatePerSecond: 1000 });
    [caseworker, council] = await Promise.all([signInStaff(api, 'caseworker'), signInStaff(api, 'council')]);
    // Events left by earlier test files are worked off first.
    await waitForPipeline(db);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('tells the returned families once, and gives the caseworker the in-person task for remains', async () => {
    const follow = (surname: string, dateOfBirth: string): Promise<FollowedCase> =>
      caseFollowedByFamily(
        api,
        caseworker,
        { surname, givenName: 'Левко', patronymic: 'Остапович', dateOfBirth, serviceNumber: undefined },
        { channels: { email: false, sms: false } },
      );
    const returned = await follow('Загорулько', '1986-04-12');
    const remains = await follow('Верещака', '1984-09-30');
    await waitForPipeline(db);
    const seen = new Set(
      [...(await inbox(returned.family)), ...(await inbox(remains.family)), ...(await inbox(caseworker))].map(
        (i) => i.id,
      ),
    );
    const news = async (user: SignedIn): Promise<InboxItem[]> => (await inbox(user)).filter((i) => !seen.has(i.id));

    const exchange = await createExchange(api, council, { date: '2022-12-31' });
    const list = await api.http
      .post(`/api/exchanges/${exchange.id}/returnees`)
      .set(council.auth)
      .send({
        rows: [
          { fullName: 'Zahorulko Levko Ostapovych', dateOfBirth: '12.04.1986' },
          { fullName: 'Верещака Лев Остапович', dateOfBirth: '30.09.1984' },
        ],
      })
      .expect(201);
    const answer = list.body as ReturneeAnswer;
    expect(answer.rows.map((r) => r.candidates[0]?.caseId)).toEqual([returned.caseId, remains.caseId]);
    const body = {
      batchId: answer.batchId,
      matches: [
        { row: 1, caseId: returned.caseId },
        { row: 2, caseId: remains.caseId, outcome: 'remains_repatriated' },
      ],
    };
    await api.http.post(`/api/exchanges/${exchange.id}/returnees/confirm`).set(council.auth).send(body).expect(200);
    await waitForPipeline(db);

    const returnedNews = await news(returned.family);
    expect(returnedNews.map((i) => [i.type, i.inquiryId])).toEqual([['case.status_changed', returned.inquiryId]]);
    // No automatic news of a death: the family hears, once, only that its caseworker will contact
    // it; the caseworker gets one in-person task, which names the repatriation.
    const remainsNews = await news(remains.family);
    expect(remainsNews.map((i) => [i.type, i.inquiryId])).toEqual([['case.contact_pending', remains.inquiryId]]);
    const tasks = (await news(caseworker)).filter((t) => t.caseId === remains.caseId);
    expect(tasks.map((t) => t.type)).toEqual(['staff.in_person_task']);

    // Confirming again sends nothing.
    const counts = async (): Promise<number[]> => [
      (await inbox(returned.family)).length,
      (await inbox(remains.family)).length,
      (await inbox(caseworker)).length,
    ];
    const after = await counts();
    await api.http.post(`/api/exchanges/${exchange.id}/returnees/confirm`).set(council.auth).send(body).expect(200);
    await waitForPipeline(db);
    expect(await counts()).toEqual(after);
  });
});
