import { NO_NEWS_REMINDERS_JOB, NO_NEWS_REMINDERS_PATTERN, NoNewsRemindersService } from '@app/workload';
import { QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { SignedIn, signInStaff } from './support/factories';
import { seedCases } from './support/workload-fixtures';
import { startWorkloadWorker, TestWorker, workloadQueueEvents } from './support/workload-worker';

describe('No-news reminders (e2e, real worker, BullMQ and Postgres)', () => {
  let api: TestApi;
  let db: DataSource;
  let workers: TestWorker[];
  let events: QueueEvents;
  let caseworker: SignedIn;
  let calm: SignedIn;
  let gone: SignedIn;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    // Two worker replicas at once, as in production.
    workers = await Promise.all([startWorkloadWorker(), startWorkloadWorker()]);
    events = await workloadQueueEvents();
    [caseworker, calm, gone] = await Promise.all([
      signInStaff(api, 'caseworker', 'Нагадування Отримувач'),
      signInStaff(api, 'caseworker', 'Без Прострочень'),
      signInStaff(api, 'caseworker', 'Деактивований'),
    ]);
  });

  afterAll(async () => {
    await events.close();
    await Promise.all(workers.map((w) => w.close()));
    await api.close();
  });

  it('keeps one daily schedule however many workers start, and across a restart', async () => {
    const schedulers = await workers[0].queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz])).toEqual([
      [NO_NEWS_REMINDERS_JOB, NO_NEWS_REMINDERS_PATTERN, 'Europe/Kyiv'],
    ]);
    await workers[1].close();
    workers[1] = await startWorkloadWorker();
    expect(await workers[1].queue.getJobSchedulers()).toHaveLength(1);
    // The scheduler keeps exactly one upcoming run queued.
    const delayed = await workers[0].queue.getDelayed();
    expect(delayed.filter((j) => j.name === NO_NEWS_REMINDERS_JOB)).toHaveLength(1);
  });

  it('run twice the same day (two workers, concurrently) sends each caseworker one reminder and council one digest', async () => {
    const late = await seedCases(api, 2, { assigneeId: caseworker.id, status: 'missing', newsDaysAgo: 31 });
    const later = await seedCases(api, 1, {
      assigneeId: caseworker.id,
      status: 'captivity_confirmed',
      newsDaysAgo: 60,
    });
    await seedCases(api, 2, { assigneeId: caseworker.id, status: 'missing', newsDaysAgo: 29 });
    await seedCases(api, 1, { assigneeId: caseworker.id, status: 'closed', newsDaysAgo: 90 });
    await seedCases(api, 3, { assigneeId: calm.id, status: 'missing', newsDaysAgo: 5 });
    const stranded = await seedCases(api, 1, { assigneeId: gone.id, status: 'missing', newsDaysAgo: 40 });
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [gone.id]);
    const nobodys = await seedCases(api, 2, { status: 'registered', newsDaysAgo: 33 });

    const jobs = await Promise.all([
      workers[0].queue.add(NO_NEWS_REMINDERS_JOB, {}),
      workers[1].queue.add(NO_NEWS_REMINDERS_JOB, {}),
    ]);
    const results = await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 30_000)));
    expect(results.map((r: { skipped: boolean }) => r.skipped).sort()).toEqual([false, true]);

    const reminders = await db.query(
      `SELECT aggregate_id, payload FROM outbox_events WHERE type = 'workload.overdue_reminder' AND aggregate_id = ANY($1::uuid[])`,
      [[caseworker.id, calm.id, gone.id]],
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0].aggregate_id).toBe(caseworker.id);
    // Longest silence first.
    expect(reminders[0].payload).toMatchObject({
      assigneeId: caseworker.id,
      caseIds: [later[0], ...late.sort()],
      count: 3,
    });

    const digests = await db.query(`SELECT payload FROM outbox_events WHERE type = 'workload.overdue_digest'`);
    expect(digests).toHaveLength(1);
    const byAssignee = new Map(
      digests[0].payload.byAssignee.map((b: { assigneeId: string | null; count: number }) => [b.assigneeId, b.count]),
    );
    expect(byAssignee.get(caseworker.id)).toBe(3);
    expect(byAssignee.get(gone.id)).toBe(1);
    expect(byAssignee.has(calm.id)).toBe(false);
    expect(byAssignee.get(null)).toBeGreaterThanOrEqual(nobodys.length);
    expect(digests[0].payload.overdueCount).toBe(
      [...byAssignee.values()].reduce((s: number, n) => s + (n as number), 0),
    );
    expect(stranded).toHaveLength(1);

    const runs = await db.query(
      `SELECT overdue_count, reminders, finished_at IS NOT NULL AS finished FROM workload_reminder_runs`,
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ overdue_count: digests[0].payload.overdueCount, finished: true });

    // A third run later the same day (a retry, a restart) still sends nothing more.
    const third = await workers[0].queue.add(NO_NEWS_REMINDERS_JOB, {});
    expect(await third.waitUntilFinished(events, 30_000)).toMatchObject({ skipped: true });
    const [count] = await db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type IN ('workload.overdue_reminder', 'workload.overdue_digest')`,
    );
    expect(count.n).toBe(runs[0].reminders + 1);
  });

  it('keys the run by day: another day runs once more, then not again', async () => {
    const service = workers[0].app.get(NoNewsRemindersService);
    const first = await service.runForDay('2000-01-01');
    expect(first).toMatchObject({ day: '2000-01-01', skipped: false });
    expect(first.overdueCount).toBeGreaterThan(0);
    expect(await service.runForDay('2000-01-01')).toMatchObject({ skipped: true, overdueCount: 0, reminders: 0 });
    const [mine] = await db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'workload.overdue_reminder' AND aggregate_id = $1`,
      [caseworker.id],
    );
    expect(mine.n).toBe(2);
  });
});
