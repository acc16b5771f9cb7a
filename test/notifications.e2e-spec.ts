import { appendOutbox } from '@app/core';
import { ANTI_FRAUD, DeliveryService, FanOutService, OUTBOX_RETENTION_MS, toFanOutJob } from '@app/notifications';
import { FanOutRepository } from '../libs/notifications/src/fan-out/fan-out.repository';
import { SmtpSink } from '../libs/notifications/src/testing/smtp-sink';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApi } from './support/api';
import { seedCase, submitInquiry } from './support/cases';
import { login, SignedIn, signInStaff, signUpFamily } from './support/factories';
import {
  changeStatusDirectly,
  DeliveryStack,
  seedLinkedFamily,
  SmsWebhookSink,
  startDeliveryStack,
  TestWorker,
  waitForPipeline,
} from './support/notifications-harness';

const PORTAL = 'https://portal.example.test';

interface InboxItem {
  id: string;
  type: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  inquiryId?: string;
  caseId?: string;
}

describe('Notifications (e2e)', () => {
  let stack: DeliveryStack;
  let api: TestApi;
  let worker: TestWorker;
  let db: DataSource;
  let sink: SmtpSink;
  let sms: SmsWebhookSink;
  let caseworker: SignedIn;
  let council: SignedIn;
  let admin: SignedIn;

  const inbox = async (
    user: SignedIn,
    query = '',
  ): Promise<{ items: InboxItem[]; unread: number; nextCursor: string | null }> =>
    (await api.http.get(`/api/me/notifications${query}`).set(user.auth).expect(200)).body;
  const mailsTo = (email: string) => sink.messages.filter((m) => m.to.includes(email.toLowerCase()));
  /** Events this file wrote in other contexts' names leave the shared database once fanned out. */
  const forgetEvents = (aggregateIds: string[]) =>
    db.query(
      `DELETE FROM outbox_events WHERE aggregate_id = ANY($1::uuid[]) AND type NOT IN ('case.status_changed', 'case.note_shared')`,
      [aggregateIds],
    );

  beforeAll(async () => {
    stack = await startDeliveryStack(
      { inquiryMaxPerAccount: 1000, publicUrl: PORTAL },
      { smsWebhookToken: 'sms-secret-token', publicUrl: PORTAL },
    );
    ({ api, db, worker, sink, sms } = stack);
    [caseworker, council, admin] = await Promise.all([
      signInStaff(api, 'caseworker', 'Петро Працівник'),
      signInStaff(api, 'council', 'Ганна Радна'),
      signInStaff(api, 'admin'),
    ]);
    // Events left by earlier test files are worked off first, so that each test sees only its own.
    await waitForPipeline(db);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('tells a family of every change it may know, in its language, on the channels it chose', async () => {
    const mother = await signUpFamily(api, { language: 'uk', phone: '+380501234567' });
    const inquiry = await submitInquiry(api, mother, { channels: { email: true, sms: true } });
    await waitForPipeline(db);
    let items = (await inbox(mother)).items;
    expect(items.map((i) => i.type)).toEqual(['inquiry.received']);
    expect(items[0]).toMatchObject({
      title: `Звернення ${inquiry.reference} отримано`,
      readAt: null,
      inquiryId: inquiry.id,
    });
    expect(items[0].caseId).toBeUndefined();

    // Linked before kinship is verified: the family hears of the link, not of the case's statuses.
    const opened = await api.http
      .post('/api/cases')
      .set(caseworker.auth)
      .send({ fromInquiryId: inquiry.id })
      .expect(201);
    const caseId = opened.body.id as string;
    await waitForPipeline(db);
    await api.http
      .post(`/api/cases/${caseId}/status`)
      .set(caseworker.auth)
      .send({ to: 'captivity_confirmed', evidenceSource: 'icrc_confirmation', version: 1 })
      .expect(200);
    await waitForPipeline(db);
    expect((await inbox(mother)).items.map((i) => i.type)).toEqual(['inquiry.linked', 'inquiry.received']);

    await api.http
      .post(`/api/inquiries/${inquiry.id}/verify-kinship`)
      .set(caseworker.auth)
      .send({ method: 'document_seen' })
      .expect(200);
    await waitForPipeline(db);
    await api.http
      .post(`/api/cases/${caseId}/status`)
      .set(caseworker.auth)
      .send({ to: 'exchange_listed', evidenceSource: 'official_list_other_side', version: 2 })
      .expect(200);
    await api.http
      .post(`/api/cases/${caseId}/notes`)
      .set(caseworker.auth)
      .send({ visibility: 'shared', body: 'Ваш син у списку МКЧХ, табір у Таганрозі.' })
      .expect(201);
    await api.http
      .post(`/api/cases/${caseId}/notes`)
      .set(caseworker.auth)
      .send({ visibility: 'internal', body: 'Внутрішня примітка.' })
      .expect(201);
    await api.http
      .post(`/api/cases/${caseId}/status`)
      .set(caseworker.auth)
      .send({ to: 'returned', evidenceSource: 'exchange_record', version: 3 })
      .expect(200);
    await waitForPipeline(db);

    items = (await inbox(mother)).items;
    expect(items.map((i) => i.type)).toEqual([
      'case.status_changed',
      'case.note_shared',
      'inquiry.kinship_verified',
      'inquiry.linked',
      'inquiry.received',
    ]);
    expect(items[0].body).toBe(`Статус справи за вашим зверненням ${inquiry.reference}: людину повернуто додому.`);
    expect(items[1].body).toBe('Ваш син у списку МКЧХ, табір у Таганрозі.');
    const everything = JSON.stringify(items);
    expect(everything).not.toContain('exchange_listed');
    expect(everything).not.toContain('Внутрішня');
    expect(everything).not.toContain(caseId);

    // E-mail and SMS: one per in-app message, naming only the reference; never a name, status, place or note.
    const mails = mailsTo(mother.email);
    expect(mails).toHaveLength(5);
    for (const mail of mails) {
      expect(mail.subject).toBe(`Новини щодо вашого звернення ${inquiry.reference}`);
      expect(mail.text).toContain(inquiry.reference);
      expect(mail.text).toContain(PORTAL);
      expect(mail.text).toContain(ANTI_FRAUD.uk);
      for (const secret of ['Шевченко', 'Андрій', 'Маріуполь', 'полон', 'повернуто', 'МКЧХ', 'Таганро', 'Олена']) {
        expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
      }
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@portal\.example\.test>$/);
    }
    const texts = sms.received.filter((s) => s.to === '+380501234567');
    expect(texts).toHaveLength(5);
    for (const text of texts) {
      expect(text.authorization).toBe('Bearer sms-secret-token');
      expect(text.idempotencyKey).toBe(text.reference);
      expect(text.text).toContain(inquiry.reference);
      expect(text.text).toContain('ніколи не просить грошей');
      expect(text.text).not.toMatch(/Шевченко|Андрій|Маріуполь|повернуто|МКЧХ/);
    }
  });

  it('gives deceased and repatriated remains in person: the family is told only that the caseworker will call', async () => {
    const c = await seedCase(api, { status: 'captivity_confirmed', assigneeId: caseworker.id });
    const father = await seedLinkedFamily(db, c.id, { language: 'en' });
    const unverified = await seedLinkedFamily(db, c.id, { kinship: 'unverified' });
    await api.http
      .post(`/api/cases/${c.id}/status`)
      .set(caseworker.auth)
      .send({ to: 'deceased', evidenceSource: 'dna_identification', reason: 'Identified', version: c.version })
      .expect(200);
    await waitForPipeline(db);

    const familyRows = await db.query(
      `SELECT recipient_id, kind, channel, title, body FROM notifications WHERE case_id = $1 AND recipient_id = ANY($2)`,
      [c.id, [father.userId, unverified.userId]],
    );
    expect(familyRows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recipient_id: father.userId, kind: 'case.contact_pending', channel: 'in_app' }),
        expect.objectContaining({ recipient_id: father.userId, kind: 'case.contact_pending', channel: 'email' }),
      ]),
    );
    expect(familyRows).toHaveLength(2);
    const inApp = familyRows.find((r: { channel: string }) => r.channel === 'in_app');
    expect(inApp.title).toBe('Your caseworker will contact you');
    expect(JSON.stringify(familyRows)).not.toMatch(/deceased|died|death/i);
    const mail = mailsTo(father.email);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`News about your inquiry ${father.reference}`);
    expect(mail[0].text).toContain(ANTI_FRAUD.en);

    const task = (await inbox(caseworker)).items.find((i) => i.caseId === c.id);
    expect(task).toMatchObject({ type: 'staff.in_person_task' });
    expect(task!.title).toMatch(/^Зв'яжіться з родиною особисто: CASE-/);

    // Remains repatriated in an exchange: the same, from the exchanges context's event.
    const d = await seedCase(api, { status: 'exchange_listed', assigneeId: null });
    const sister = await seedLinkedFamily(db, d.id);
    await db.transaction((m) =>
      appendOutbox(m, [
        {
          type: 'case.exchange_outcome',
          aggregateId: d.id,
          payload: { caseId: d.id, exchangeId: randomUUID(), outcome: 'remains_repatriated', assigneeId: null },
        },
        {
          type: 'case.exchange_outcome',
          aggregateId: d.id,
          payload: { caseId: d.id, exchangeId: randomUUID(), outcome: 'listed_not_returned', assigneeId: null },
        },
      ]),
    );
    await waitForPipeline(db);
    await forgetEvents([d.id]);
    const sisterRows = await db.query(
      `SELECT kind, channel FROM notifications WHERE recipient_id = $1 ORDER BY channel`,
      [sister.userId],
    );
    expect(sisterRows).toEqual([
      { kind: 'case.contact_pending', channel: 'email' },
      { kind: 'case.contact_pending', channel: 'in_app' },
    ]);
    // Nobody holds the case: every active council member gets the task.
    const councilTask = (await inbox(council)).items.find((i) => i.caseId === d.id);
    expect(councilTask).toMatchObject({ type: 'staff.in_person_task' });
    expect(councilTask!.body).toContain('повернення тіла');

    // An exchange that brings the remains home also moves the case to deceased, in one
    // transaction: the family and the holder are told once, by the exchange's event.
    const e = await seedCase(api, { status: 'exchange_listed', assigneeId: caseworker.id });
    const brother = await seedLinkedFamily(db, e.id);
    await db.transaction((m) =>
      appendOutbox(m, [
        {
          type: 'case.status_changed',
          aggregateId: e.id,
          payload: {
            caseId: e.id,
            from: 'exchange_listed',
            to: 'deceased',
            familyVisible: true,
            inPerson: true,
            cause: 'remains_repatriated',
          },
        },
        {
          type: 'case.exchange_outcome',
          aggregateId: e.id,
          payload: {
            caseId: e.id,
            exchangeId: randomUUID(),
            outcome: 'remains_repatriated',
            assigneeId: caseworker.id,
          },
        },
      ]),
    );
    await waitForPipeline(db);
    await forgetEvents([e.id]);
    const brotherRows = await db.query(
      `SELECT kind, channel FROM notifications WHERE recipient_id = $1 ORDER BY channel`,
      [brother.userId],
    );
    expect(brotherRows).toEqual([
      { kind: 'case.contact_pending', channel: 'email' },
      { kind: 'case.contact_pending', channel: 'in_app' },
    ]);
    const tasks = (await inbox(caseworker)).items.filter((i) => i.caseId === e.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].body).toContain('повернення тіла');
  });

  it('tells staff of the work given to them, in-app with the cases and by e-mail without them', async () => {
    const a = await seedCase(api, { status: 'missing' });
    const b = await seedCase(api, { status: 'missing' });
    const colleague = await signInStaff(api, 'caseworker');
    const digestRun = randomUUID();
    await api.http.post(`/api/cases/${a.id}/assign`).set(council.auth).send({ assigneeId: colleague.id }).expect(200);
    await db.transaction((m) =>
      appendOutbox(m, [
        {
          type: 'case.assigned',
          aggregateId: colleague.id,
          payload: { caseIds: [a.id, b.id], assigneeId: colleague.id },
        },
        {
          type: 'workload.overdue_reminder',
          aggregateId: colleague.id,
          payload: { assigneeId: colleague.id, caseIds: [a.id], count: 1, day: '2025-11-27', overdueDays: 30 },
        },
        {
          type: 'workload.overdue_digest',
          aggregateId: digestRun,
          payload: { overdueCount: 7, byAssignee: [{ assigneeId: colleague.id, count: 7 }], day: '2025-11-27' },
        },
      ]),
    );
    await waitForPipeline(db);
    await forgetEvents([colleague.id, digestRun]);

    const items = (await inbox(colleague)).items;
    // Newest first: the single assignment came before the three events written together.
    expect(items.map((i) => i.type).sort()).toEqual([
      'staff.cases_assigned',
      'staff.cases_assigned',
      'staff.overdue_reminder',
    ]);
    const refs = await db.query(`SELECT id, reference FROM cases WHERE id = ANY($1)`, [[a.id, b.id]]);
    const refOf = (id: string) => refs.find((r: { id: string }) => r.id === id).reference as string;
    expect(items[2]).toMatchObject({
      title: 'Вам призначено 1 справу',
      body: `Призначено вам: ${refOf(a.id)}.`,
      caseId: a.id,
    });
    const digest2 = items.find((i) => i.title === 'Вам призначено 2 справи');
    expect(digest2?.body).toBe(`Призначено вам: ${refOf(a.id)}, ${refOf(b.id)}.`);
    expect(digest2?.caseId).toBeUndefined();
    expect(items.find((i) => i.type === 'staff.overdue_reminder')).toMatchObject({ caseId: a.id });
    const mails = mailsTo(colleague.email);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Вам призначено нові справи',
      'Вам призначено нові справи',
      'Нагадування: прострочені справи',
    ]);
    for (const mail of mails) expect(mail.text).not.toContain('CASE-');

    // Taking an unassigned case for oneself is not news to oneself.
    const c = await seedCase(api, { status: 'missing' });
    await api.http.post(`/api/cases/${c.id}/assign`).set(colleague.auth).send({ assigneeId: colleague.id }).expect(200);
    await waitForPipeline(db);
    expect((await inbox(colleague)).items.filter((i) => i.caseId === c.id)).toEqual([]);

    const digest = (await inbox(council)).items.find((i) => i.type === 'staff.overdue_digest');
    expect(digest).toMatchObject({ title: 'Прострочено справ: 7' });
    expect(mailsTo(council.email).some((m) => m.subject === 'Зведення прострочених справ')).toBe(true);
  });

  describe('GET /api/me/notifications and POST /api/me/notifications/:id/read', () => {
    let family: SignedIn;
    let ids: string[];

    beforeAll(async () => {
      family = await signUpFamily(api);
      const c = await seedCase(api, { status: 'registered' });
      await db.query(
        `INSERT INTO inquiries (reference, owner_id, status, case_id, category, surname, given_name, relationship,
                                notify_email, consent_at, kinship, kinship_method)
         VALUES ($1, $2, 'linked', $3, 'civilian', 'Тест', 'Тест', 'spouse', true, now(), 'verified', 'call_back')`,
        [`INQ-T-${randomUUID().slice(0, 8)}`, family.id, c.id],
      );
      for (const to of ['missing', 'captivity_confirmed', 'returned']) await changeStatusDirectly(db, c.id, to);
      await waitForPipeline(db);
      ids = (await inbox(family)).items.map((i) => i.id);
    });

    it('pages newest first with an unread count, and marks one read once', async () => {
      expect(ids).toHaveLength(3);
      const first = await inbox(family, '?limit=2');
      expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 2));
      expect(first.unread).toBe(3);
      const second = await inbox(family, `?limit=2&cursor=${first.nextCursor}`);
      expect(second.items.map((i) => i.id)).toEqual(ids.slice(2));
      expect(second.nextCursor).toBeNull();

      const read = await api.http.post(`/api/me/notifications/${ids[1]}/read`).set(family.auth).expect(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      const again = await api.http.post(`/api/me/notifications/${ids[1]}/read`).set(family.auth).expect(200);
      expect(again.body.readAt).toBe(read.body.readAt);
      const unread = await inbox(family, '?unread=true');
      expect(unread.items.map((i) => i.id)).toEqual([ids[0], ids[2]]);
      expect(unread.unread).toBe(2);
    });

    it("answers 404 for another user's message, an e-mail record or an unknown id, exactly alike", async () => {
      const stranger = await signUpFamily(api);
      const [email] = await db.query(
        `SELECT id FROM notifications WHERE recipient_id = $1 AND channel = 'email' LIMIT 1`,
        [family.id],
      );
      for (const id of [ids[0], email.id, randomUUID()]) {
        const res = await api.http.post(`/api/me/notifications/${id}/read`).set(stranger.auth).expect(404);
        expect(res.body).toMatchObject({ statusCode: 404, message: 'Notification not found' });
      }
      await api.http.post(`/api/me/notifications/${email.id}/read`).set(family.auth).expect(404);
      expect((await inbox(stranger)).items).toEqual([]);
    });

    it('refuses bad input with 400 naming the field', async () => {
      const cases: [string, string][] = [
        ['?limit=101', 'limit'],
        ['?limit=0', 'limit'],
        ['?cursor=not-a-cursor', 'cursor'],
        [`?cursor=${Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url')}`, 'cursor'],
        ['?unread=maybe', 'unread'],
        ['?colour=red', 'colour'],
      ];
      for (const [query, field] of cases) {
        const res = await api.http.get(`/api/me/notifications${query}`).set(family.auth).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      const bad = await api.http.post('/api/me/notifications/not-a-uuid/read').set(family.auth).expect(400);
      expect(bad.body.details[0]).toMatchObject({ field: 'id', rule: 'isUuid' });
    });

    it('opens to every role for its own messages, and to nobody without a token', async () => {
      for (const user of [family, caseworker, council, admin]) {
        const res = await api.http.get('/api/me/notifications').set(user.auth).expect(200);
        expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor', 'unread']);
        expect(res.body.unread).toEqual(expect.any(Number));
      }
      await api.http.get('/api/me/notifications').expect(401);
      await api.http.post(`/api/me/notifications/${ids[0]}/read`).expect(401);
      await api.http.get('/api/me/notifications').set({ Authorization: 'Bearer not.a.token' }).expect(401);
    });
  });

  describe('GET /api/cases/:id/notifications', () => {
    let caseId: string;
    let family: { userId: string };

    beforeAll(async () => {
      const c = await seedCase(api, { status: 'registered' });
      caseId = c.id;
      family = await seedLinkedFamily(db, caseId, { phone: '+380671112233', notifySms: true });
      sms.statusFor = (to) => (to === '+380671112233' ? 400 : 202);
      await changeStatusDirectly(db, caseId, 'missing');
      await waitForPipeline(db);
      sms.statusFor = () => 202;
    });

    it('shows staff each message about the case: recipient, channel, state, attempts and the masked error', async () => {
      for (const user of [caseworker, council]) {
        const res = await api.http.get(`/api/cases/${caseId}/notifications`).set(user.auth).expect(200);
        const byChannel = Object.fromEntries(res.body.items.map((i: { channel: string }) => [i.channel, i]));
        expect(Object.keys(byChannel).sort()).toEqual(['email', 'in_app', 'sms']);
        expect(byChannel.in_app).toMatchObject({
          recipientId: family.userId,
          state: 'sent',
          type: 'case.status_changed',
        });
        expect(byChannel.email).toMatchObject({ state: 'sent', attempts: 1, eventType: 'case.status_changed' });
        // A gateway's 4xx cannot be fixed by retrying: dead at once, with the reason.
        expect(byChannel.sms).toMatchObject({ state: 'dead', attempts: 1, lastError: 'SMS provider answered 400' });
        expect(res.body.items[0].body).toBeUndefined();
      }
      const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND actor_id = $2`, [
        caseId,
        council.id,
      ]);
      expect(audit).toEqual([{ action: 'case.notifications_read' }]);

      const dead = await api.http.get(`/api/cases/${caseId}/notifications?state=dead&channel=sms`).set(council.auth);
      expect(dead.body.items).toHaveLength(1);
      const page = await api.http.get(`/api/cases/${caseId}/notifications?limit=2`).set(council.auth).expect(200);
      const next = await api.http
        .get(`/api/cases/${caseId}/notifications?limit=2&cursor=${page.body.nextCursor}`)
        .set(council.auth)
        .expect(200);
      expect([...page.body.items, ...next.body.items]).toHaveLength(3);
    });

    it('is for caseworkers and council only; 404 for an unknown case, 400 for bad input', async () => {
      const family = await signUpFamily(api);
      await api.http.get(`/api/cases/${caseId}/notifications`).set(family.auth).expect(403);
      await api.http.get(`/api/cases/${caseId}/notifications`).set(admin.auth).expect(403);
      await api.http.get(`/api/cases/${caseId}/notifications`).expect(401);
      await api.http.get(`/api/cases/${randomUUID()}/notifications`).set(caseworker.auth).expect(404);
      await api.http.get('/api/cases/nope/notifications').set(caseworker.auth).expect(400);
      for (const query of ['?state=lost', '?channel=fax', '?limit=500', '?cursor=%%%']) {
        await api.http.get(`/api/cases/${caseId}/notifications${query}`).set(caseworker.auth).expect(400);
      }
    });
  });

  it('retries a gateway that fails for a while, and sends once', async () => {
    const c = await seedCase(api, { status: 'registered' });
    await seedLinkedFamily(db, c.id, { phone: '+380931234567', notifySms: true, notifyEmail: false });
    sms.statusFor = (to, attempt) => (to === '+380931234567' && attempt === 1 ? 503 : 202);
    await changeStatusDirectly(db, c.id, 'missing');
    await waitForPipeline(db);
    sms.statusFor = () => 202;
    expect(sms.attempts.get('+380931234567')).toBe(2);
    expect(sms.received.filter((s) => s.to === '+380931234567')).toHaveLength(1);
    const [row] = await db.query(
      `SELECT state, attempts, last_error FROM notifications WHERE case_id = $1 AND channel = 'sms'`,
      [c.id],
    );
    expect(row).toEqual({ state: 'sent', attempts: 2, last_error: null });
  });

  it('writes nothing twice when the same event is fanned out again, and skips events it cannot read', async () => {
    const c = await seedCase(api, { status: 'registered' });
    const f = await seedLinkedFamily(db, c.id);
    await changeStatusDirectly(db, c.id, 'missing');
    await waitForPipeline(db);
    const [event] = await db.query(
      `SELECT id, type, aggregate_id, payload, request_id, created_at FROM outbox_events WHERE aggregate_id = $1`,
      [c.id],
    );
    // As if the job ran again (a retry, a re-added job): nothing new is written or sent.
    const again = await worker.app.get(FanOutService).fanOut(toFanOutJob(event));
    expect(again).toMatchObject({ fresh: false });
    const rows = await db.query(`SELECT id, channel, state FROM notifications WHERE recipient_id = $1`, [f.userId]);
    expect(rows.map((r: { channel: string; state: string }) => `${r.channel}:${r.state}`).sort()).toEqual([
      'email:sent',
      'in_app:sent',
    ]);
    const email = rows.find((r: { channel: string }) => r.channel === 'email');
    expect(await worker.app.get(DeliveryService).deliver(email.id)).toEqual({ result: 'skipped', state: 'sent' });
    await waitForPipeline(db);
    expect(mailsTo(f.email)).toHaveLength(1);
    expect(await worker.sweeper.sweep(0)).toEqual({ events: 0, deliveries: 0 });

    await db.transaction((m) =>
      appendOutbox(m, [
        { type: 'case.status_changed', aggregateId: c.id, payload: { caseId: 'not-a-uuid', to: 'missing' } },
        { type: 'case.status_changed', aggregateId: c.id, payload: { caseId: c.id, to: 'imprisoned' } },
      ]),
    );
    await waitForPipeline(db);
    const skipped = await db.query(
      `SELECT e.skipped_reason FROM notification_events e JOIN outbox_events o ON o.id = e.event_id
        WHERE o.aggregate_id = $1 AND e.skipped_reason IS NOT NULL ORDER BY e.skipped_reason`,
      [c.id],
    );
    expect(skipped).toEqual([
      { skipped_reason: 'malformed case.status_changed: caseId is not a uuid' },
      { skipped_reason: 'malformed case.status_changed: unknown status imprisoned' },
    ]);
    await db.query(
      `DELETE FROM outbox_events WHERE aggregate_id = $1 AND (payload->>'to' = 'imprisoned' OR payload->>'caseId' = 'not-a-uuid')`,
      [c.id],
    );
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`, [f.userId]))[0].n,
    ).toBe(2);
  });

  it('reads an inquiry’s owner once per fan-out, as the audience and for the words', async () => {
    const family = await signUpFamily(api);
    const inquiry = await submitInquiry(api, family);
    await waitForPipeline(db);
    const [event] = await db.query(
      `SELECT id, type, aggregate_id, payload, request_id, created_at FROM outbox_events
        WHERE aggregate_id = $1 AND type = 'inquiry.received'`,
      [inquiry.id],
    );
    const repository = worker.app.get(FanOutRepository);
    const reads = jest.spyOn(repository, 'inquiryOwner');
    try {
      const again = await worker.app.get(FanOutService).fanOut(toFanOutJob(event));
      expect(again.fresh).toBe(false);
      expect(again.messages).toBeGreaterThan(0);
      expect(reads.mock.calls).toEqual([[inquiry.id]]);
    } finally {
      reads.mockRestore();
    }
  });

  it('re-adds the jobs Redis lost: a dispatched event never fanned out, a delivery never tried', async () => {
    const c = await seedCase(api, { status: 'registered' });
    const f = await seedLinkedFamily(db, c.id);
    // A delivery whose job is gone: queued in the database, unknown to Redis.
    const d = await seedCase(api, { status: 'registered' });
    const g = await seedLinkedFamily(db, d.id);
    await changeStatusDirectly(db, d.id, 'missing');
    await waitForPipeline(db);
    const [mail] = await db.query(`SELECT id FROM notifications WHERE recipient_id = $1 AND channel = 'email'`, [
      g.userId,
    ]);
    await db.query(`UPDATE notifications SET state = 'queued', sent_at = NULL WHERE id = $1`, [mail.id]);
    const before = mailsTo(g.email).length;
    // Written as already dispatched, with no job behind it: as if Redis restarted empty after the relay.
    await db.transaction(async (m) => {
      await appendOutbox(m, [
        { type: 'case.status_changed', aggregateId: c.id, payload: { caseId: c.id, to: 'missing', assigneeId: null } },
      ]);
      await m.query(`UPDATE outbox_events SET dispatched_at = now() WHERE aggregate_id = $1`, [c.id]);
    });
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`, [f.userId]))[0].n,
    ).toBe(0);

    // The sweep (run here at once; the worker's own runs every few polls) re-adds both.
    const swept = await worker.sweeper.sweep(0);
    expect(swept.events).toBeLessThanOrEqual(1);
    await waitForPipeline(db);
    expect(mailsTo(f.email)).toHaveLength(1);
    expect(mailsTo(g.email)).toHaveLength(before + 1);
    const rows = await db.query(`SELECT channel, state FROM notifications WHERE recipient_id = $1 ORDER BY channel`, [
      f.userId,
    ]);
    expect(rows).toEqual([
      { channel: 'email', state: 'sent' },
      { channel: 'in_app', state: 'sent' },
    ]);
  });

  it('prunes dispatched events past the retention once their messages exist, and nothing else', async () => {
    const c = await seedCase(api, { status: 'registered' });
    await changeStatusDirectly(db, c.id, 'missing');
    await changeStatusDirectly(db, c.id, 'captivity_confirmed');
    await waitForPipeline(db);
    const events: { id: string }[] = await db.query(
      `SELECT id FROM outbox_events WHERE aggregate_id = $1 ORDER BY created_at`,
      [c.id],
    );
    await db.query(`UPDATE outbox_events SET dispatched_at = now() - interval '8 days' WHERE id = $1`, [events[0].id]);
    await db.query(`UPDATE outbox_events SET dispatched_at = now() - interval '6 days' WHERE id = $1`, [events[1].id]);
    const orphan = randomUUID();
    await db.query(
      `INSERT INTO outbox_events (id, type, aggregate_id, payload, dispatched_at)
       VALUES ($1, 'case.note_shared', $2, '{}', now() - interval '30 days')`,
      [orphan, c.id],
    );
    expect(await worker.sweeper.prune(OUTBOX_RETENTION_MS)).toBeGreaterThanOrEqual(1);
    const left = await db.query(`SELECT id FROM outbox_events WHERE aggregate_id = $1`, [c.id]);
    expect(left.map((r: { id: string }) => r.id).sort()).toEqual([events[1].id, orphan].sort());
    await db.query(`DELETE FROM outbox_events WHERE id = $1`, [orphan]);
  });

  describe('Bull Board at /api/admin/queues', () => {
    it('opens to administrators, with a bearer token or the session cookie', async () => {
      const page = await api.http.get('/api/admin/queues').set(admin.auth).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const queues = await api.http.get('/api/admin/queues/api/queues').set(admin.auth).expect(200);
      expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(
        expect.arrayContaining(['notification-events', 'notification-email', 'notification-sms']),
      );

      // Its actions go through too (here: retry the failed e-mail jobs, of which there are none).
      await api.http.put('/api/admin/queues/api/queues/notification-email/retry/failed').set(admin.auth).expect(200);
      await api.http.get('/api/admin/queues/api/queues/notification-email/nope').set(admin.auth).expect(404);

      const session = await api.http.post('/api/admin/queues/session').set(admin.auth).expect(204);
      const cookie = session.headers['set-cookie'][0] as string;
      expect(cookie).toMatch(
        /^portal_queues=[\w-]+\.[\w-]+\.[\w-]+; Path=\/api\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict; Secure$/,
      );
      const pair = cookie.split(';')[0];
      await api.http.get('/api/admin/queues/api/queues').set('Cookie', pair).expect(200);
      expect((await api.http.get('/api/admin/queues').set('Cookie', `theme=dark; ${pair}`).expect(200)).text).toMatch(
        /<html/i,
      );
      // The cookie opens nothing else.
      await api.http.get('/api/me').set('Cookie', pair).expect(401);
      await api.http.post('/api/admin/queues/session').set('Cookie', pair).expect(401);
      // Signing out ends it.
      const other = await login(api, admin.email);
      const otherSession = await api.http.post('/api/admin/queues/session').set(other.auth).expect(204);
      const otherPair = (otherSession.headers['set-cookie'][0] as string).split(';')[0];
      await api.http.post('/api/auth/logout').set(other.auth).send({ refreshToken: other.refreshToken });
      await api.http.get('/api/admin/queues/api/queues').set('Cookie', otherPair).expect(401);
    });

    it('is closed to every other role and to strangers', async () => {
      const family = await signUpFamily(api);
      for (const user of [family, caseworker, council]) {
        await api.http.get('/api/admin/queues').set(user.auth).expect(403);
        await api.http.get('/api/admin/queues/api/queues').set(user.auth).expect(403);
        await api.http.put('/api/admin/queues/api/queues/notification-email/retry/failed').set(user.auth).expect(403);
        await api.http.post('/api/admin/queues/session').set(user.auth).expect(403);
      }
      await api.http.get('/api/admin/queues').expect(401);
      await api.http.get('/api/admin/queues/api/queues').expect(401);
      await api.http.get('/api/admin/queues/api/queues').set('Cookie', 'portal_queues=a.b.c').expect(401);
    });
  });

  it('reports the outbox, undelivered and dead messages, and the queues in /metrics', async () => {
    const res = await api.http.get('/metrics').expect(200);
    expect(res.text).toMatch(/^notifications_outbox_pending \d+$/m);
    expect(res.text).toMatch(/^notifications_outbox_oldest_pending_seconds [\d.e+-]+$/m);
    expect(res.text).toMatch(/^notifications_deliveries\{channel="sms",state="dead"\} [1-9]\d*$/m);
    expect(res.text).toMatch(/^notifications_deliveries\{channel="email",state="queued"\} 0$/m);
    expect(res.text).toMatch(/^notifications_queue_jobs\{queue="notification-email",state="waiting"\} \d+$/m);
    expect(res.text).toMatch(/^notifications_queue_up 1$/m);
  });
});
