import { Injectable, OnModuleInit } from '@nestjs/common';
import { MetricsService, withTimeout } from '@app/core';
import { Gauge } from 'prom-client';
import { MonitoringRepository, NotificationStats } from './monitoring.repository';
import { QueueCounts, QueuesBoard } from './queues-board.service';

const TRACKED_STATES = ['queued', 'sending', 'failed', 'dead'];
const EXTERNAL_CHANNELS = ['email', 'sms'];

/**
 * Notification depth and failures in the api's /metrics, computed at scrape time: from the
 * database (events not yet relayed, messages not yet delivered, dead ones) and from the queues
 * (jobs by state, when Redis answers within a second). A scrape never waits longer than that.
 */
@Injectable()
export class NotificationMetrics implements OnModuleInit {
  private stats: Promise<NotificationStats | null> | null = null;
  private queueCounts: Promise<QueueCounts[] | null> | null = null;

  constructor(
    private readonly metrics: MetricsService,
    private readonly monitoring: MonitoringRepository,
    private readonly board: QueuesBoard,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    if (this.metrics.registry.getSingleMetric('notifications_outbox_pending')) return;
    const stats = (): Promise<NotificationStats | null> => this.snapshot();
    const queues = (): Promise<QueueCounts[] | null> => this.queues();
    new Gauge({
      name: 'notifications_outbox_pending',
      help: 'Outbox events committed but not yet relayed to the queue',
      registers,
      async collect() {
        const s = await stats();
        if (s) this.set(s.outboxPending);
      },
    });
    new Gauge({
      name: 'notifications_outbox_oldest_pending_seconds',
      help: 'Age of the oldest outbox event not yet relayed (0 when none)',
      registers,
      async collect() {
        const s = await stats();
        if (s) this.set(s.outboxOldestSeconds);
      },
    });
    new Gauge({
      name: 'notifications_deliveries',
      help: 'E-mail and SMS messages not delivered, by channel and state (queued, sending, failed = retrying, dead = given up)',
      labelNames: ['channel', 'state'],
      registers,
      async collect() {
        const s = await stats();
        if (!s) return;
        for (const channel of EXTERNAL_CHANNELS) {
          for (const state of TRACKED_STATES) {
            const row = s.deliveries.find((d) => d.channel === channel && d.state === state);
            this.set({ channel, state }, row?.n ?? 0);
          }
        }
      },
    });
    new Gauge({
      name: 'notifications_queue_jobs',
      help: 'Jobs in each queue by state (absent when Redis does not answer)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const q of (await queues()) ?? []) {
          for (const [state, n] of Object.entries(q.counts)) this.set({ queue: q.queue, state }, n);
        }
      },
    });
    new Gauge({
      name: 'notifications_queue_up',
      help: '1 when the queues answered this scrape, 0 otherwise',
      registers,
      async collect() {
        this.set((await queues()) ? 1 : 0);
      },
    });
  }

  /** One database read per scrape, shared by the gauges. */
  private snapshot(): Promise<NotificationStats | null> {
    if (!this.stats) {
      this.stats = withTimeout(this.monitoring.stats(), 2000, 'notification stats').catch(() => null);
      setTimeout(() => (this.stats = null), 1000).unref();
    }
    return this.stats;
  }

  private queues(): Promise<QueueCounts[] | null> {
    if (!this.queueCounts) {
      this.queueCounts = this.board.counts(1000);
      setTimeout(() => (this.queueCounts = null), 1000).unref();
    }
    return this.queueCounts;
  }
}
