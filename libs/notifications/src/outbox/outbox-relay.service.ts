import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@app/core';
import { Client } from 'pg';
import { FanOutJobData } from '../notification-types';
import { NotificationQueues } from './notification-queues';
import { OutboxRepository, OutboxRow } from './outbox.repository';

export const RELAY_BATCH = 500;
export const OUTBOX_CHANNEL = 'outbox_events';

export function toFanOutJob(row: OutboxRow): FanOutJobData {
  return {
    eventId: row.id,
    type: row.type,
    aggregateId: row.aggregate_id,
    payload: row.payload,
    requestId: row.request_id,
    occurredAt: row.created_at.toISOString(),
  };
}

/**
 * Moves committed outbox events into the queue. Woken by Postgres NOTIFY (the trigger on
 * outbox_events), with a slow poll as the fallback when the listening connection is down.
 * Each batch is claimed with FOR UPDATE SKIP LOCKED, added to BullMQ with the event id as the
 * job id, and marked dispatched in the same transaction: if Redis refuses, the transaction
 * rolls back and the events wait in the outbox. Any number of replicas may run this.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failures = 0;
  private retryAt = 0;
  private lastWarning = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queues: NotificationQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.pollTimer = setInterval(() => this.kick(true), this.config.outboxPollMs);
    void this.listen(0);
    this.kick(true);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.running;
  }

  /** Starts a drain, or asks the running one to go round once more. */
  kick(fromPoll = false): void {
    if (this.stopped) return;
    // After a failure (Redis away), wait before trying again; the poll keeps trying.
    if (!fromPoll && Date.now() < this.retryAt) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Relays until the outbox is empty; resolves when done (for tests and shutdown). */
  async drainNow(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.relayBatch();
      total += n;
      if (n < RELAY_BATCH) return total;
    }
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.drainNow();
      } while (this.again && !this.stopped);
      this.failures = 0;
      this.retryAt = 0;
    } catch (error) {
      this.failures++;
      this.retryAt = Date.now() + Math.min(1000 * 2 ** Math.min(this.failures, 5), 30_000);
      this.warn(`outbox relay paused: ${(error as Error).message}`);
    }
  }

  private async relayBatch(): Promise<number> {
    return this.outbox.transaction(async (m) => {
      const rows = await this.outbox.claimPending(m, RELAY_BATCH);
      if (rows.length === 0) return 0;
      await this.queues.addFanOuts(rows.map(toFanOutJob));
      await this.outbox.markDispatched(
        m,
        rows.map((r) => r.id),
      );
      this.logger.debug({ events: rows.length }, 'outbox events relayed');
      return rows.length;
    });
  }

  private async listen(attempt: number): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'portal-outbox-listener',
      connectionTimeoutMillis: this.config.dbConnectTimeoutMs,
      keepAlive: true,
    });
    let retried = false;
    const retry = (reason: string): void => {
      if (retried || this.stopped) return;
      retried = true;
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      const delay = Math.min(500 * 2 ** attempt, 30_000);
      this.warn(`outbox listener down (${reason}); polling every ${this.config.outboxPollMs} ms, reconnecting`);
      this.reconnectTimer = setTimeout(() => void this.listen(attempt + 1), delay);
    };
    client.on('error', (error: Error) => retry(error.message));
    client.on('end', () => retry('connection ended'));
    client.on('notification', () => this.kick());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.listener = client;
      attempt = 0;
      // Anything committed while nobody listened.
      this.kick(true);
    } catch (error) {
      retry((error as Error).message);
    }
  }

  private warn(message: string): void {
    if (Date.now() - this.lastWarning < 30_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(message);
  }
}
