import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, APP_CONFIG, bullConnection, DEFAULT_JOB_OPTIONS, withTimeout } from '@app/core';
import { JobsOptions, Queue } from 'bullmq';
import {
  DELIVER_JOB,
  DeliverJobData,
  EVENTS_QUEUE,
  ExternalChannel,
  FAN_OUT_JOB,
  FanOutJobData,
  EMAIL_QUEUE,
  SMS_QUEUE,
} from '../notification-types';

/** Fan-out jobs get more tries than deliveries: they only touch the database, and a lost one holds up every recipient. */
export const FAN_OUT_JOB_OPTIONS: JobsOptions = { attempts: 10, backoff: { type: 'exponential', delay: 1000 } };
const REDIS_TIMEOUT_MS = 5000;

/**
 * The worker's producers. Their connection fails fast while Redis is away (no offline queue),
 * and every call is bounded in time: the relay then rolls back and the outbox keeps the events.
 */
@Injectable()
export class NotificationQueues implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationQueues.name);
  readonly events: Queue<FanOutJobData>;
  readonly email: Queue<DeliverJobData>;
  readonly sms: Queue<DeliverJobData>;
  private lastWarning = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const connection = { ...bullConnection(config), enableOfflineQueue: false, maxRetriesPerRequest: 1 };
    const options = { connection, prefix: config.redisPrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
    this.events = new Queue<FanOutJobData>(EVENTS_QUEUE, options);
    this.email = new Queue<DeliverJobData>(EMAIL_QUEUE, options);
    this.sms = new Queue<DeliverJobData>(SMS_QUEUE, options);
    for (const queue of [this.events, this.email, this.sms]) {
      queue.on('error', (error: Error) => this.warn(`queue ${queue.name}: ${error.message}`));
    }
  }

  deliveryQueue(channel: ExternalChannel): Queue<DeliverJobData> {
    return channel === 'email' ? this.email : this.sms;
  }

  /** Job id = event id: adding the same event twice leaves one job. */
  async addFanOuts(jobs: FanOutJobData[]): Promise<void> {
    if (jobs.length === 0) return;
    await withTimeout(
      this.events.addBulk(
        jobs.map((data) => ({ name: FAN_OUT_JOB, data, opts: { ...FAN_OUT_JOB_OPTIONS, jobId: data.eventId } })),
      ),
      REDIS_TIMEOUT_MS,
      'adding fan-out jobs',
    );
  }

  /** Job id = notification id: one job per message, whoever enqueues it. */
  async addDeliveries(items: { id: string; channel: ExternalChannel }[], requestId: string | null): Promise<void> {
    for (const channel of ['email', 'sms'] as const) {
      const ids = items.filter((i) => i.channel === channel).map((i) => i.id);
      if (ids.length === 0) continue;
      await withTimeout(
        this.deliveryQueue(channel).addBulk(
          ids.map((id) => ({ name: DELIVER_JOB, data: { notificationId: id, requestId }, opts: { jobId: id } })),
        ),
        REDIS_TIMEOUT_MS,
        `adding ${this.deliveryQueue(channel).name} jobs`,
      );
    }
  }

  /**
   * Makes sure a job exists for work the database says is not done: nothing when one waits or
   * runs, a new one when the old one finished or Redis lost it.
   */
  async ensureJob(queue: Queue, id: string, name: string, data: unknown, opts: JobsOptions = {}): Promise<boolean> {
    return withTimeout(
      (async () => {
        const job = await queue.getJob(id);
        if (job) {
          const state = await job.getState();
          if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
          await job.remove();
        }
        await queue.add(name, data, { ...opts, jobId: id });
        return true;
      })(),
      REDIS_TIMEOUT_MS,
      `re-adding job to ${queue.name}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.events.close(), this.email.close(), this.sms.close()]);
  }

  private warn(message: string): void {
    // A Redis outage raises an error per reconnection attempt: one line a minute is enough.
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(message);
  }
}
