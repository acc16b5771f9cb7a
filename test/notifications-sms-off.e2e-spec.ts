import { SmtpSink } from '../libs/notifications/src/testing/smtp-sink';
import { DataSource } from 'typeorm';
import { TestApi } from './support/api';
import { seedCase } from './support/cases';
import {
  changeStatusDirectly,
  DeliveryStack,
  seedLinkedFamily,
  SmsWebhookSink,
  startDeliveryStack,
  waitForPipeline,
} from './support/notifications-harness';

/** A deployment without an SMS provider (SMS_ENABLED=false): families who chose SMS get in-app and e-mail. */
describe('Notifications with SMS turned off (e2e)', () => {
  let stack: DeliveryStack;
  let api: TestApi;
  let db: DataSource;
  let sink: SmtpSink;
  let sms: SmsWebhookSink;

  beforeAll(async () => {
    // A provider address is set, and still nothing may reach it.
    stack = await startDeliveryStack({}, { smsEnabled: false });
    ({ api, db, sink, sms } = stack);
    await waitForPipeline(db);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('plans no SMS, and sends the in-app message and the e-mail', async () => {
    const c = await seedCase(api, { status: 'registered' });
    const family = await seedLinkedFamily(db, c.id, { phone: '+380671112299', notifySms: true });
    await changeStatusDirectly(db, c.id, 'missing');
    await waitForPipeline(db);
    const rows: { channel: string; state: string }[] = await db.query(
      `SELECT channel, state FROM notifications WHERE case_id = $1 AND recipient_id = $2 ORDER BY channel`,
      [c.id, family.userId],
    );
    expect(rows).toEqual([
      { channel: 'email', state: 'sent' },
      { channel: 'in_app', state: 'sent' },
    ]);
    expect(sms.received).toEqual([]);
    expect(sink.messages.some((m) => m.to.includes(family.email))).toBe(true);
  });
});
