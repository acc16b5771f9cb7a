import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { LocalRedis, spawnWorker, WorkerProcess } from '../libs/notifications/src/testing/processes';
import { SmtpSink } from '../libs/notifications/src/testing/smtp-sink';
import { startTestApi, TestApi } from './support/api';
import { seedCase } from './support/cases';
import { SignedIn, signInStaff } from './support/factories';
import {
  changeStatusDirectly,
  pipelineBacklog,
  seedLinkedFamily,
  SeededFamily,
  waitForPipeline,
} from './support/notifications-harness';
import { waitUntil } from './support/wait-until';
import { testState } from './support/test-state';

/**
 * Faults, against real PostgreSQL and Redis: a private redis-server on a free port and worker
 * processes started from dist/ (the test command builds first). Only these processes are
 * stopped or killed, by their own pid; the machine's shared Redis and Postgres are never touched.
 */
jest.setTimeout(120_000);

const ROOT = join(__dirname, '..');
const PORTAL = 'https://portal.example.test';

describe('Notifications under faults (e2e)', () => {
  let redis: LocalRedis;
  let sink: SmtpSink;
  let api: TestApi;
  let db: DataSource;
  let caseworker: SignedIn;
  const workers: WorkerProcess[] = [];
  const prefix = `${testState().redisPrefix}-faults`;

  function startWorker(): WorkerProcess {
    const worker = spawnWorker(ROOT, {
      NODE_ENV: 'test',
      DATABASE_URL: testState().databaseUrl,
      DB_POOL_SIZE: '6',
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      SMTP_URL: sink.url,
      MAIL_DIR: '',
      PUBLIC_URL: PORTAL,
      OUTBOX_POLL_MS: '500',
      NOTIFY_RATE_PER_SECOND: '1000',
    });
    workers.push(worker);
    return worker;
  }

  /** The messages of these families at the sink, by recipient address. */
  function mailCounts(families: SeededFamily[]): Map<string, number> {
    const wanted = new Set(families.map((f) => f.email));
    const counts = new Map<string, number>();
    for (const m of sink.messages) {
      for (const to of m.to) if (wanted.has(to)) counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    return counts;
  }

  /** Every e-mail row of these families, with how many copies of its Message-ID the sink accepted. */
  async function deliveries(
    families: SeededFamily[],
  ): Promise<{ id: string; state: string; attempts: number; copies: number }[]> {
    const rows: { id: string; state: string; attempts: number }[] = await db.query(
      `SELECT id, state, attempts FROM notifications WHERE channel = 'email' AND recipient_id = ANY($1::uuid[])`,
      [families.map((f) => f.userId)],
    );
    const copies = sink.countsByMessageId();
    return rows.map((r) => ({ ...r, copies: copies.get(`<${r.id}@portal.example.test>`) ?? 0 }));
  }

  async function familiesOnNewCases(
    count: number,
    perCase: number,
  ): Promise<{ caseIds: string[]; families: SeededFamily[] }> {
    const caseIds: string[] = [];
    const families: SeededFamily[] = [];
    for (let i = 0; i < count; i++) {
      const c = await seedCase(api, { status: 'registered', assigneeId: caseworker.id });
      caseIds.push(c.id);
      for (let j = 0; j < perCase; j++)
        families.push(await seedLinkedFamily(db, c.id, { language: j % 2 ? 'en' : 'uk' }));
    }
    return { caseIds, families };
  }

  beforeAll(async () => {
    redis = await LocalRedis.start();
    sink = new SmtpSink();
    await sink.start();
    api = await startTestApi({ redisUrl: redis.url, redisPrefix: prefix, publicUrl: PORTAL });
    db = api.app.get(DataSource);
    caseworker = await signInStaff(api, 'caseworker');
    // Two replicas from the start: every scenario below also checks that they never double the work.
    await Promise.all([startWorker().ready, startWorker().ready]);
    await waitForPipeline(db, 60_000);
  });

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.stop()));
    await api?.close();
    await redis?.destroy();
    await sink?.stop();
  });

  it('sends nothing for a change whose transaction rolled back', async () => {
    const c = await seedCase(api, { status: 'registered' });
    const family = await seedLinkedFamily(db, c.id);
    await changeStatusDirectly(db, c.id, 'missing', { rollback: true });
    await changeStatusDirectly(db, c.id, 'captivity_confirmed');
    await waitForPipeline(db);
    const events = await db.query(`SELECT payload->>'to' AS "to" FROM outbox_events WHERE aggregate_id = $1`, [c.id]);
    expect(events).toEqual([{ to: 'captivity_confirmed' }]);
    const messages = await db.query(
      `SELECT channel, body FROM notifications WHERE recipient_id = $1 ORDER BY channel`,
      [family.userId],
    );
    expect(messages).toEqual([
      { channel: 'email', body: expect.stringContaining(family.reference) },
      { channel: 'in_app', body: expect.stringContaining('перебування в полоні підтверджено') },
    ]);
    expect(mailCounts([family]).get(family.email)).toBe(1);
  });

  it('retries an SMTP server that refuses for a while, gives up on an address it refuses for good, and holds nobody up', async () => {
    const { caseIds, families } = await familiesOnNewCases(7, 1);
    const [flaky, refused, busy, ...others] = families;
    sink.setPolicy((address, attempt) => {
      if (address === flaky.email && attempt <= 2) return '451 4.3.0 Mailbox busy, try again later';
      if (address === refused.email) return `550 5.1.1 <${refused.email}>: Recipient address rejected: User unknown`;
      if (address === busy.email) return '450 4.2.1 Mailbox temporarily unavailable';
      return null;
    });
    try {
      for (const id of caseIds) await changeStatusDirectly(db, id, 'missing');
      // The others go through at once, without waiting for the flaky address's back-off.
      await waitUntil(
        'the other families to be mailed',
        async () => mailCounts(others),
        (counts) => others.every((f) => counts.get(f.email) === 1),
      );
      expect(mailCounts([flaky]).get(flaky.email)).toBeUndefined();
      await waitForPipeline(db, 60_000);
    } finally {
      sink.setPolicy(undefined);
    }
    expect(mailCounts(families)).toEqual(new Map([flaky, ...others].map((f) => [f.email, 1])));
    expect(sink.attempts.get(flaky.email)).toBe(3);
    const rows = await db.query(
      `SELECT recipient_id, state, attempts, last_error FROM notifications
        WHERE channel = 'email' AND recipient_id = ANY($1::uuid[])`,
      [[flaky.userId, refused.userId, busy.userId]],
    );
    const byRecipient = Object.fromEntries(rows.map((r: { recipient_id: string }) => [r.recipient_id, r]));
    expect(byRecipient[flaky.userId]).toMatchObject({ state: 'sent', attempts: 3, last_error: null });
    // A refusal that never ends: five attempts with exponential back-off, then dead with the last error.
    expect(sink.attempts.get(busy.email)).toBe(5);
    expect(byRecipient[busy.userId]).toMatchObject({
      state: 'dead',
      attempts: 5,
      last_error: '450 4.2.1 Mailbox temporarily unavailable (EENVELOPE)',
    });
    // A 5xx refusal is final: dead at the first attempt, the error kept with the address masked.
    expect(byRecipient[refused.userId]).toMatchObject({ state: 'dead', attempts: 1 });
    expect(byRecipient[refused.userId].last_error).toBe(
      '550 5.1.1 <address>: Recipient address rejected: User unknown (EENVELOPE)',
    );
    expect(byRecipient[refused.userId].last_error).not.toContain(refused.email);
  });

  it('delivers each message exactly once when the worker is killed (SIGKILL) in the middle of a burst and restarted', async () => {
    // One worker for this scenario, so that the one killed certainly holds work.
    const [, second] = workers;
    await second.stop();
    const { caseIds, families } = await familiesOnNewCases(100, 2);
    sink.setReplyDelay(25);
    let victim = workers[0];
    try {
      await Promise.all(caseIds.map((id) => changeStatusDirectly(db, id, 'missing')));
      await waitUntil(
        'a third of the burst to arrive',
        async () => sink.messages.length,
        () => {
          const counts = mailCounts(families);
          return [...counts.values()].reduce((a, b) => a + b, 0) >= 60;
        },
      );
      // Hold the server's answers so that no message is half-way between "accepted" and
      // "marked sent" when the worker dies (that window is documented; it cannot be closed).
      sink.pause();
      await waitUntil(
        'the accepted messages to be marked sent',
        async () => {
          const rows = await deliveries(families);
          return rows.filter((r) => r.copies > 0 && r.state !== 'sent').length;
        },
        (n) => n === 0,
      );
      const inFlight = (await deliveries(families)).filter((r) => r.state === 'sending').length;
      expect(inFlight).toBeGreaterThan(0);
      await victim.kill();
      sink.resume();
      victim = startWorker();
      await victim.ready;
      await waitForPipeline(db, 90_000);
    } finally {
      sink.setReplyDelay(0);
      sink.resume();
    }
    const rows = await deliveries(families);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.state !== 'sent')).toEqual([]);
    expect(rows.filter((r) => r.copies !== 1)).toEqual([]);
    // The messages the dead worker was sending were claimed again and sent by its successor.
    expect(rows.filter((r) => r.attempts === 2).length).toBeGreaterThan(0);
    const inApp = await db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE channel = 'in_app' AND recipient_id = ANY($1::uuid[])`,
      [families.map((f) => f.userId)],
    );
    expect(inApp[0].n).toBe(200);
    await startWorker().ready;
  });

  it('keeps answering 200 status changes while Redis is down, and delivers every message once when it is back', async () => {
    const { caseIds, families } = await familiesOnNewCases(200, 1);
    await redis.stop();
    try {
      const answers: number[] = [];
      for (let i = 0; i < caseIds.length; i += 10) {
        const batch = await Promise.all(
          caseIds
            .slice(i, i + 10)
            .map((id) =>
              api.http
                .post(`/api/cases/${id}/status`)
                .set(caseworker.auth)
                .timeout(5000)
                .send({ to: 'missing', evidenceSource: 'family_report', version: 1 }),
            ),
        );
        answers.push(...batch.map((r) => r.status));
      }
      expect(answers.filter((s) => s !== 200)).toEqual([]);
      // Nothing can reach the queue: the outbox holds every change.
      expect(await pipelineBacklog(db)).toBeGreaterThanOrEqual(200);
      const health = await api.http.get('/api/health').timeout(5000);
      expect(health.body.checks).toEqual({ database: 'up', redis: 'down' });
    } finally {
      // Back empty, as a Redis without persistence comes back: the outbox and the database are the record.
      await redis.startAgain();
    }
    await waitForPipeline(db, 90_000);
    const rows = await deliveries(families);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.state !== 'sent' || r.copies !== 1)).toEqual([]);
    const inApp = await db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE channel = 'in_app' AND recipient_id = ANY($1::uuid[])`,
      [families.map((f) => f.userId)],
    );
    expect(inApp[0].n).toBe(200);
  });
});
