import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@app/audit';
import { AppConfig, appendOutbox, ConfigModule, DatabaseModule, LoggingModule, MetricsModule } from '@app/core';
import { NotificationsSweeper, NotificationsWorkerModule, OutboxRelay } from '@app/notifications';
import { createServer, IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SmtpSink } from '../../libs/notifications/src/testing/smtp-sink';
import { startTestApi, TestApi } from './api';
import { testConfig } from './test-config';
import { waitUntil } from './wait-until';

/** The notifications worker side alone (no other context's processors), in the test process. */
@Module({})
class NotificationsTestWorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: NotificationsTestWorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        MetricsModule,
        AuditModule,
        NotificationsWorkerModule,
      ],
    };
  }
}

export interface TestWorker {
  app: INestApplicationContext;
  relay: OutboxRelay;
  sweeper: NotificationsSweeper;
  close: () => Promise<void>;
}

export async function startTestWorker(overrides: Partial<AppConfig> = {}): Promise<TestWorker> {
  const app = await NestFactory.createApplicationContext(NotificationsTestWorkerModule.forRoot(testConfig(overrides)), {
    logger: false,
  });
  await app.init();
  return {
    app,
    relay: app.get(OutboxRelay),
    sweeper: app.get(NotificationsSweeper),
    close: () => app.close(),
  };
}

/** The api and a notifications worker wired to a local SMTP sink and SMS webhook sink, for delivery tests. */
export interface DeliveryStack {
  api: TestApi;
  db: DataSource;
  worker: TestWorker;
  sink: SmtpSink;
  sms: SmsWebhookSink;
  close: () => Promise<void>;
}

export async function startDeliveryStack(
  apiOverrides: Partial<AppConfig> = {},
  workerOverrides: Partial<AppConfig> = {},
): Promise<DeliveryStack> {
  const sink = new SmtpSink();
  await sink.start();
  const sms = new SmsWebhookSink();
  await sms.start();
  const api = await startTestApi(apiOverrides);
  const worker = await startTestWorker({
    smtpUrl: sink.url,
    smsWebhookUrl: sms.url,
    outboxPollMs: 200,
    notifyRatePerSecond: 1000,
    ...workerOverrides,
  });
  return {
    api,
    db: api.app.get(DataSource),
    worker,
    sink,
    sms,
    close: async () => {
      await worker.close();
      await api.close();
      await sink.stop();
      await sms.stop();
    },
  };
}

export interface ReceivedSms {
  to: string;
  text: string;
  reference: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
}

/** An SMS gateway on 127.0.0.1: keeps what it accepts; answers a chosen status per number. */
export class SmsWebhookSink {
  readonly received: ReceivedSms[] = [];
  readonly attempts = new Map<string, number>();
  /** Status to answer for a number (default 202). */
  statusFor: (to: string, attempt: number) => number = () => 202;
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const body = JSON.parse(raw) as { to: string; text: string; reference: string };
        const attempt = (this.attempts.get(body.to) ?? 0) + 1;
        this.attempts.set(body.to, attempt);
        const status = this.statusFor(body.to, attempt);
        if (status >= 200 && status < 300) {
          this.received.push({
            ...body,
            authorization: req.headers.authorization,
            idempotencyKey: req.headers['idempotency-key'] as string | undefined,
          });
        }
        res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/sms`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Work the pipeline still has: events not relayed or not fanned out, deliveries not finished. */
export async function pipelineBacklog(db: DataSource): Promise<number> {
  const rows: { n: number }[] = await db.query(
    `SELECT ((SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL)
           + (SELECT count(*) FROM outbox_events o
               WHERE NOT EXISTS (SELECT 1 FROM notification_events e WHERE e.event_id = o.id))
           + (SELECT count(*) FROM notifications WHERE state IN ('queued', 'sending', 'failed')))::int AS n`,
  );
  return rows[0].n;
}

/** Resolves when every event written so far has been fanned out and delivered (or given up). */
export async function waitForPipeline(db: DataSource, timeoutMs = 30_000): Promise<void> {
  await waitUntil(
    'the notification pipeline to drain',
    () => pipelineBacklog(db),
    (n) => n === 0,
    timeoutMs,
  );
}

export interface SeededFamily {
  userId: string;
  inquiryId: string;
  reference: string;
  email: string;
}

/**
 * A family member whose inquiry is linked to the case, written straight to the database
 * (for bulk scenarios; such accounts cannot sign in).
 */
export async function seedLinkedFamily(
  db: DataSource,
  caseId: string,
  options: {
    language?: 'uk' | 'en';
    email?: string;
    phone?: string | null;
    notifyEmail?: boolean;
    notifySms?: boolean;
    kinship?: 'verified' | 'unverified';
    status?: 'linked' | 'withdrawn';
  } = {},
): Promise<SeededFamily> {
  const tag = randomUUID().slice(0, 12);
  const email = options.email ?? `seeded-${tag}@example.test`;
  const [user] = (await db.query(
    `INSERT INTO users (email, password_hash, full_name, phone, language, role)
     VALUES ($1, 'not-a-hash', 'Seeded Family', $2, $3, 'family') RETURNING id`,
    [email, options.phone ?? null, options.language ?? 'uk'],
  )) as { id: string }[];
  const verified = (options.kinship ?? 'verified') === 'verified';
  const reference = `INQ-T-${tag}`;
  const [inquiry] = (await db.query(
    `INSERT INTO inquiries (reference, owner_id, status, case_id, category, surname, given_name, relationship,
                            notify_email, notify_sms, consent_at, kinship, kinship_method, kinship_verified_at)
     VALUES ($1, $2, $3, $4, 'civilian', 'Сидоренко', 'Марія', 'mother', $5, $6, now(), $7, $8, $9)
     RETURNING id`,
    [
      reference,
      user.id,
      options.status ?? 'linked',
      caseId,
      options.notifyEmail ?? true,
      options.notifySms ?? false,
      verified ? 'verified' : 'unverified',
      verified ? 'document_seen' : null,
      verified ? new Date() : null,
    ],
  )) as { id: string }[];
  return { userId: user.id, inquiryId: inquiry.id, reference, email };
}

/** A case status change as the cases context writes it (row, history, outbox) in one transaction. */
export async function changeStatusDirectly(
  db: DataSource,
  caseId: string,
  to: string,
  options: { rollback?: boolean; requestId?: string } = {},
): Promise<void> {
  await db
    .transaction(async (m) => {
      const [row] = (await m.query(`SELECT status, assignee_id FROM cases WHERE id = $1 FOR UPDATE`, [caseId])) as {
        status: string;
        assignee_id: string | null;
      }[];
      await m.query(`UPDATE cases SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        caseId,
        to,
      ]);
      await appendOutbox(m, [
        {
          type: 'case.status_changed',
          aggregateId: caseId,
          payload: {
            caseId,
            from: row.status,
            to,
            familyVisible: to !== 'exchange_listed',
            inPerson: to === 'deceased',
            assigneeId: row.assignee_id,
          },
          requestId: options.requestId ?? null,
        },
      ]);
      if (options.rollback) throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}

class RolledBack extends Error {}
