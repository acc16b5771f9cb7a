import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@app/core';
import { DELIVER_JOB, FAN_OUT_JOB } from '../notification-types';
import { FAN_OUT_JOB_OPTIONS, NotificationQueues } from './notification-queues';
import { toFanOutJob } from './outbox-relay.service';
import { OutboxRepository } from './outbox.repository';

/** Dispatched outbox rows are kept this long (the sweep looks this far back), then pruned. */
export const OUTBOX_RETENTION_MS = 7 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 3600 * 1000;
const PRUNE_BATCH = 5000;
const SWEEP_BATCH = 500;

export interface SweepResult {
  events: number;
  deliveries: number;
}

/**
 * The database is the record of what is still to do; Redis only schedules it. Every few polls,
 * one replica compares the two and re-adds the jobs Redis lost (a restart without persistence,
 * a job that gave up while its row still waits). Hourly, dispatched events past the retention
 * are pruned once their messages exist.
 *
 * Timings follow OUTBOX_POLL_MS: a sweep every 6 polls, for work without progress for 12 polls
 * (30 s and 60 s with the 5 s default).
 */
@Injectable()
export class NotificationsSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsSweeper.name);
  private sweepTimer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private lastWarning = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queues: NotificationQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get stuckAfterMs(): number {
    return this.config.outboxPollMs * 12;
  }

  onApplicationBootstrap(): void {
    this.sweepTimer = setInterval(() => this.run(() => this.sweep()), this.config.outboxPollMs * 6);
    this.pruneTimer = setInterval(() => this.run(() => this.prune(OUTBOX_RETENTION_MS)), PRUNE_EVERY_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.running;
  }

  /** Re-adds lost jobs; returns how many were re-added. */
  async sweep(stuckAfterMs = this.stuckAfterMs): Promise<SweepResult> {
    return this.outbox.transaction(async (m) => {
      if (!(await this.outbox.tryLock(m, 'sweep'))) return { events: 0, deliveries: 0 };
      let events = 0;
      let deliveries = 0;
      const lostEvents = await this.outbox.dispatchedNotFannedOut(m, stuckAfterMs, OUTBOX_RETENTION_MS, SWEEP_BATCH);
      for (const row of lostEvents) {
        if (await this.queues.ensureJob(this.queues.events, row.id, FAN_OUT_JOB, toFanOutJob(row), FAN_OUT_JOB_OPTIONS))
          events++;
      }
      const stalled = await this.outbox.stalledDeliveries(m, stuckAfterMs, SWEEP_BATCH);
      for (const row of stalled) {
        // A re-added job has no request behind it.
        const data = { notificationId: row.id, requestId: null };
        if (await this.queues.ensureJob(this.queues.deliveryQueue(row.channel), row.id, DELIVER_JOB, data))
          deliveries++;
      }
      if (events + deliveries > 0) this.logger.warn({ events, deliveries }, 'lost jobs re-added');
      return { events, deliveries };
    });
  }

  /** Deletes dispatched events older than the retention whose messages were written. */
  async prune(retentionMs: number): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.outbox.pruneDispatched(retentionMs, PRUNE_BATCH);
      total += n;
      if (n < PRUNE_BATCH) break;
    }
    if (total > 0) this.logger.log({ pruned: total }, 'dispatched outbox events pruned');
    return total;
  }

  private run(work: () => Promise<unknown>): void {
    if (this.running) return;
    this.running = work()
      .catch((error: Error) => {
        if (Date.now() - this.lastWarning < 60_000) return;
        this.lastWarning = Date.now();
        this.logger.warn(`notifications sweep failed: ${error.message}`);
      })
      .finally(() => {
        this.running = null;
      });
  }
}
