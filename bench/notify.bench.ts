import 'reflect-metadata';
import { appendOutbox, runMigrations } from '@app/core';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { LocalRedis, spawnWorker, WorkerProcess } from '../libs/notifications/src/testing/processes';
import { SmtpSink } from '../libs/notifications/src/testing/smtp-sink';
import { freePort, RunningPostgres, startEmbeddedPostgres } from '../scripts/support/embedded-postgres';

/**
 * npm run bench:notify — 1,000 case status changes reaching 2,500 family members (every one
 * linked, kinship verified, e-mail chosen), from the commit of each change to its in-app message
 * and its e-mail accepted by a local SMTP sink, through the real pipeline: outbox, relay
 * (LISTEN/NOTIFY), BullMQ on a private redis-server, fan-out and delivery in worker processes
 * started from dist/. The baseline in the same run is the same number of e-mails sent straight
 * to the sink with nodemailer (the floor the pipeline adds to).
 *
 * Everything is private and on 127.0.0.1: an embedded PostgreSQL in the temp folder, a
 * redis-server on a free port, the sink. BENCH_CHANGES, BENCH_RECIPIENTS, BENCH_WORKERS and
 * BENCH_RATE (NOTIFY_RATE_PER_SECOND of the workers) tune it; it gives up after 120 s.
 */
const CHANGES = Number(process.env.BENCH_CHANGES ?? 1000);
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 2500);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const RATE = Number(process.env.BENCH_RATE ?? 5000);
const DEADLINE_MS = 120_000;
const TARGET_SECONDS = 10;
const ROOT = join(__dirname, '..', '..');
const PORTAL = 'https://portal.example.test';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** CPU seconds (user + system, children reaped included) a process has used so far; 0 when it is gone. */
function cpuSeconds(pid: number | null): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime are fields 14-17 of the line (11-14 after the command name).
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
  } catch {
    return 0;
  }
}

/** The postmaster and its backends (children), read from /proc. */
function postgresCpuSeconds(dataDir: string): number {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  let total = cpuSeconds(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) total += cpuSeconds(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

async function seed(db: DataSource): Promise<string[]> {
  const [caseworker] = (await db.query(
    `INSERT INTO users (email, password_hash, full_name, language, role)
     VALUES ('bench-caseworker@example.test', 'x', 'Bench Caseworker', 'uk', 'caseworker') RETURNING id`,
  )) as { id: string }[];
  const caseIds = (
    (await db.query(
      `INSERT INTO cases (reference, status, assignee_id, category, surname, given_name)
       SELECT 'CASE-N-' || lpad(i::text, 6, '0'), 'registered', $2, 'civilian', 'Бенчмарк', 'Особа'
         FROM generate_series(1, $1) AS i
       RETURNING id`,
      [CHANGES, caseworker.id],
    )) as { id: string }[]
  ).map((r) => r.id);
  const users = (
    (await db.query(
      `INSERT INTO users (email, password_hash, full_name, language, role)
       SELECT 'bench-family-' || i || '@example.test', 'x', 'Bench Family', CASE WHEN i % 10 < 7 THEN 'uk' ELSE 'en' END, 'family'
         FROM generate_series(1, $1) AS i
       RETURNING id`,
      [RECIPIENTS],
    )) as { id: string }[]
  ).map((r) => r.id);
  // Family member i asks about case i mod CHANGES: 2 or 3 relatives per case.
  await db.query(
    `INSERT INTO inquiries (reference, owner_id, status, case_id, category, surname, given_name, relationship,
                            notify_email, consent_at, kinship, kinship_method, kinship_verified_at)
     SELECT 'INQ-N-' || lpad(t.n::text, 6, '0'), t.owner, 'linked', ($2::uuid[])[(t.n - 1) % $3 + 1], 'civilian',
            'Бенчмарк', 'Особа', 'mother', true, now(), 'verified', 'document_seen', now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(owner, n)`,
    [users, caseIds, caseIds.length],
  );
  await db.query('ANALYZE');
  return caseIds;
}

/** The floor: the same number of e-mails straight to the sink over a pool of SMTP connections. */
async function baseline(): Promise<{ seconds: number; perSecond: number }> {
  const sink = new SmtpSink();
  await sink.start();
  const transport = createTransport({ url: sink.url, pool: true, maxConnections: 10 * WORKERS, maxMessages: 1000 });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 * WORKERS }, async () => {
      while (next < RECIPIENTS) {
        const i = next++;
        await transport.sendMail({
          from: 'Coordination Staff portal <no-reply@portal.local>',
          to: `baseline-${i}@example.test`,
          subject: 'Новини щодо вашого звернення INQ-N-000001',
          text: 'Є новини щодо вашого звернення INQ-N-000001. Увійдіть на портал: https://portal.example.test',
          textEncoding: 'base64',
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  await sink.stop();
  return { seconds, perSecond: RECIPIENTS / seconds };
}

async function changeStatuses(db: DataSource, caseIds: string[]): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < caseIds.length) {
        const caseId = caseIds[next++];
        await db.transaction(async (m) => {
          await m.query(
            `UPDATE cases SET status = 'missing', version = version + 1, updated_at = now() WHERE id = $1`,
            [caseId],
          );
          await m.query(
            `INSERT INTO case_history (case_id, action, from_status, to_status, evidence_source)
             VALUES ($1, 'status', 'registered', 'missing', 'family_report')`,
            [caseId],
          );
          await appendOutbox(m, [
            {
              type: 'case.status_changed',
              aggregateId: caseId,
              payload: {
                caseId,
                from: 'registered',
                to: 'missing',
                familyVisible: true,
                inPerson: false,
                assigneeId: null,
              },
            },
          ]);
        });
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

async function listeners(db: DataSource): Promise<number> {
  const [row] = (await db.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'portal-outbox-listener'`,
  )) as { n: number }[];
  return row.n;
}

interface Progress {
  in_app: number;
  email: number;
  dead: number;
}

async function progress(db: DataSource): Promise<Progress> {
  const [row] = (await db.query(
    `SELECT count(*) FILTER (WHERE channel = 'in_app')::int AS in_app,
            count(*) FILTER (WHERE channel = 'email' AND state = 'sent')::int AS email,
            count(*) FILTER (WHERE state = 'dead')::int AS dead
       FROM notifications`,
  )) as Progress[];
  return row;
}

/** Seconds from the commit of each change (its outbox row) to the message, per channel. */
async function latencies(db: DataSource, channel: 'in_app' | 'email'): Promise<number[]> {
  const rows: { s: number }[] = await db.query(
    `SELECT EXTRACT(EPOCH FROM n.sent_at - e.occurred_at)::float8 AS s
       FROM notifications n JOIN notification_events e ON e.event_id = n.event_id
      WHERE n.channel = $1 AND n.state = 'sent'
      ORDER BY 1`,
    [channel],
  );
  return rows.map((r) => r.s);
}

async function main(): Promise<void> {
  console.log(
    `bench:notify — ${CHANGES} status changes → ${RECIPIENTS} family members, ${WORKERS} worker processes, ` +
      `${cpus().length} CPU cores (shared with other users of this machine), NOTIFY_RATE_PER_SECOND=${RATE}`,
  );
  const dataDir = join(tmpdir(), `portal-bench-notify-${process.pid}`);
  let pg: RunningPostgres | null = null;
  let redis: LocalRedis | null = null;
  let db: DataSource | null = null;
  const sink = new SmtpSink();
  const workers: WorkerProcess[] = [];
  const watchdog = setTimeout(() => {
    console.error('bench:notify gave up after the deadline');
    process.exit(2);
  }, DEADLINE_MS + 60_000);
  watchdog.unref();
  try {
    pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    await pg.createDatabase('bench');
    const databaseUrl = pg.url('bench');
    await runMigrations({ databaseUrl, dbPoolSize: 2, dbConnectTimeoutMs: 5000 });
    db = await new DataSource({ type: 'postgres', url: databaseUrl, extra: { max: 12 } }).initialize();
    const caseIds = await seed(db);
    redis = await LocalRedis.start();
    await sink.start();

    const floor = await baseline();
    console.log(
      `baseline  nodemailer → sink, ${RECIPIENTS} e-mails over ${10 * WORKERS} connections: ` +
        `${floor.seconds.toFixed(2)} s, ${floor.perSecond.toFixed(0)} e-mails/s`,
    );

    for (let i = 0; i < WORKERS; i++) {
      workers.push(
        spawnWorker(ROOT, {
          NODE_ENV: 'production',
          DATABASE_URL: databaseUrl,
          DB_POOL_SIZE: '10',
          REDIS_URL: redis.url,
          REDIS_PREFIX: 'bench',
          JWT_SECRET: 'bench-only-secret-that-is-long-enough-0123456789',
          SMTP_URL: sink.url,
          SMS_WEBHOOK_URL: 'http://127.0.0.1:9/unused',
          PUBLIC_URL: PORTAL,
          OUTBOX_POLL_MS: '5000',
          NOTIFY_RATE_PER_SECOND: String(RATE),
          LOG_LEVEL: process.env.BENCH_WORKER_LOG_LEVEL ?? 'warn',
          // e.g. BENCH_WORKER_NODE_OPTIONS=--prof to profile the workers
          ...(process.env.BENCH_WORKER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS } : {}),
        }),
      );
    }
    // Ready when each one's relay listens (its "worker started" line is an info log, not written at warn).
    while ((await listeners(db)) < WORKERS) {
      if (workers.some((w) => w.exited))
        throw new Error(`a worker exited:\n${workers.map((w) => w.output.join('\n')).join('\n')}`);
      await sleep(100);
    }
    await sleep(500);

    const cpuBefore = {
      workers: workers.reduce((sum, w) => sum + cpuSeconds(w.pid), 0),
      postgres: postgresCpuSeconds(dataDir),
      redis: cpuSeconds(redis.pid),
      bench: process.cpuUsage(),
    };
    const started = Date.now();
    const changeSeconds = await changeStatuses(db, caseIds);
    console.log(`changes   ${CHANGES} committed in ${changeSeconds.toFixed(2)} s (10 concurrent transactions)`);
    let last: Progress = { in_app: 0, email: 0, dead: 0 };
    while (Date.now() - started < DEADLINE_MS) {
      last = await progress(db);
      if (last.email + last.dead >= RECIPIENTS && last.in_app >= RECIPIENTS) break;
      await sleep(200);
    }
    if (last.email < RECIPIENTS || last.in_app < RECIPIENTS) {
      throw new Error(`not delivered within ${DEADLINE_MS / 1000} s: ${JSON.stringify(last)}`);
    }
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const cpu = {
      workers: workers.reduce((sum, w) => sum + cpuSeconds(w.pid), 0) - cpuBefore.workers,
      postgres: postgresCpuSeconds(dataDir) - cpuBefore.postgres,
      redis: cpuSeconds(redis.pid) - cpuBefore.redis,
      bench: (benchCpu.user + benchCpu.system) / 1e6,
    };
    const [span] = (await db.query(
      `SELECT EXTRACT(EPOCH FROM (SELECT max(sent_at) FROM notifications WHERE channel = 'email')
                               - (SELECT min(occurred_at) FROM notification_events))::float8 AS total,
              EXTRACT(EPOCH FROM (SELECT max(sent_at) FROM notifications WHERE channel = 'in_app')
                               - (SELECT min(occurred_at) FROM notification_events))::float8 AS in_app_total`,
    )) as { total: number; in_app_total: number }[];
    const inApp = await latencies(db, 'in_app');
    const email = await latencies(db, 'email');
    const copies = [...sink.countsByMessageId().values()];
    const duplicates = copies.filter((n) => n > 1).length;

    const stages = (await db.query(
      `SELECT EXTRACT(EPOCH FROM o.dispatched_at - o.created_at)::float8 AS relay,
              EXTRACT(EPOCH FROM e.fanned_out_at - o.dispatched_at)::float8 AS fan_out
         FROM outbox_events o JOIN notification_events e ON e.event_id = o.id`,
    )) as { relay: number; fan_out: number }[];
    const relay = stages.map((r) => r.relay).sort((a, b) => a - b);
    const fanOut = stages.map((r) => r.fan_out).sort((a, b) => a - b);
    const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`;
    console.log('');
    console.log('                                   median     p95      max');
    console.log(
      `change → in-app message         ${ms(percentile(inApp, 50)).padStart(9)} ${ms(percentile(inApp, 95)).padStart(8)} ${ms(inApp[inApp.length - 1]).padStart(8)}`,
    );
    console.log(
      `change → e-mail accepted        ${ms(percentile(email, 50)).padStart(9)} ${ms(percentile(email, 95)).padStart(8)} ${ms(email[email.length - 1]).padStart(8)}`,
    );
    console.log(
      `  of which commit → relayed     ${ms(percentile(relay, 50)).padStart(9)} ${ms(percentile(relay, 95)).padStart(8)} ${ms(relay[relay.length - 1]).padStart(8)}`,
    );
    console.log(
      `  of which relayed → fanned out ${ms(percentile(fanOut, 50)).padStart(9)} ${ms(percentile(fanOut, 95)).padStart(8)} ${ms(fanOut[fanOut.length - 1]).padStart(8)}`,
    );
    console.log('');
    console.log(
      `first change → last in-app message: ${span.in_app_total.toFixed(2)} s; → last e-mail: ${span.total.toFixed(2)} s ` +
        `(target ≤ ${TARGET_SECONDS} s: ${span.total <= TARGET_SECONDS ? 'met' : 'MISSED'})`,
    );
    console.log(
      `throughput: ${(RECIPIENTS / span.total).toFixed(0)} e-mails/s through the pipeline vs ${floor.perSecond.toFixed(0)} ` +
        `e-mails/s straight to the sink (${((RECIPIENTS / span.total / floor.perSecond) * 100).toFixed(0)} % of the floor)`,
    );
    console.log(
      `delivered: ${last.in_app} in-app, ${last.email} e-mails, ${last.dead} dead; sink accepted ${sink.messages.length} ` +
        `messages, ${duplicates} Message-IDs more than once`,
    );
    const cpuTotal = cpu.workers + cpu.postgres + cpu.redis + cpu.bench;
    console.log(
      `CPU used from the first change to the last e-mail: workers ${cpu.workers.toFixed(1)} s, PostgreSQL ` +
        `${cpu.postgres.toFixed(1)} s, Redis ${cpu.redis.toFixed(1)} s, this process (changes + SMTP sink) ` +
        `${cpu.bench.toFixed(1)} s = ${cpuTotal.toFixed(1)} CPU-s; on ${cpus().length} otherwise idle cores the run ` +
        `needs at least ${(cpuTotal / cpus().length).toFixed(1)} s`,
    );
    if (duplicates > 0 || sink.messages.length !== RECIPIENTS) process.exitCode = 1;
  } finally {
    await Promise.allSettled(workers.map((w) => w.stop()));
    await db?.destroy().catch(() => undefined);
    await redis?.destroy().catch(() => undefined);
    await sink.stop().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

main().catch((error: unknown) => {
  console.error('bench:notify failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
