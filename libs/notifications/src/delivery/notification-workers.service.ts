import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, APP_CONFIG, bullConnection } from '@app/core';
import { DelayedError, Job, UnrecoverableError, Worker, WorkerOptions } from 'bullmq';
import { FanOutService } from '../fan-out/fan-out.service';
import { DeliverJobData, EMAIL_QUEUE, EVENTS_QUEUE, FanOutJobData, SMS_QUEUE } from '../notification-types';
import { DeliveryService } from './delivery.service';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';

const FAN_OUT_CONCURRENCY = 8;
const EMAIL_CONCURRENCY = 10;
const SMS_CONCURRENCY = 5;

/**
 * The worker's processors, built here rather than with decorators because the per-channel rate
 * limit comes from the configuration (NOTIFY_RATE_PER_SECOND, shared by every replica through
 * Redis). Locks are kept short so that the jobs of a worker killed mid-send are picked up again
 * within about half a minute.
 */
@Injectable()
export class NotificationWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationWorkers.name);
  private workers: Worker[] = [];
  private lastWarning = 0;

  constructor(
    private readonly fanOut: FanOutService,
    private readonly delivery: DeliveryService,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const base: WorkerOptions = {
      connection: bullConnection(this.config),
      prefix: this.config.redisPrefix,
      lockDuration: 15_000,
      stalledInterval: 5_000,
      maxStalledCount: 2,
    };
    const limiter = { max: this.config.notifyRatePerSecond, duration: 1000 };
    this.workers = [
      new Worker<FanOutJobData>(EVENTS_QUEUE, (job) => this.fanOut.fanOut(job.data), {
        ...base,
        concurrency: FAN_OUT_CONCURRENCY,
      }),
      new Worker<DeliverJobData>(EMAIL_QUEUE, (job, token) => this.deliver(job, token), {
        ...base,
        concurrency: EMAIL_CONCURRENCY,
        limiter,
      }),
      new Worker<DeliverJobData>(SMS_QUEUE, (job, token) => this.deliver(job, token), {
        ...base,
        concurrency: SMS_CONCURRENCY,
        limiter,
      }),
    ];
    for (const worker of this.workers) {
      worker.on('error', (error: Error) => this.warn(`worker ${worker.name}: ${error.message}`));
      worker.on('failed', (job: Job | undefined, error: Error) => {
        if (error instanceof DelayedError || error.name === 'DelayedError') return;
        this.logger.warn({ queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade }, 'job failed');
      });
    }
  }

  /** Before the queues and the database close: running jobs finish, then the SMTP pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
    this.mail.close();
  }

  private async deliver(job: Job<DeliverJobData>, token?: string): Promise<string> {
    const outcome = await this.delivery.deliver(job.data.notificationId, job.data.requestId);
    switch (outcome.result) {
      case 'sent':
        return 'sent';
      case 'skipped':
        return `skipped (${outcome.state})`;
      case 'busy':
        // Not an attempt: come back when the other claim's lease ends.
        await job.moveToDelayed(outcome.until.getTime() + 250, token);
        throw new DelayedError();
      case 'failed':
        if (outcome.state === 'dead') throw new UnrecoverableError(outcome.error);
        throw new Error(outcome.error);
      default: {
        const never: never = outcome;
        throw new Error(`Unknown outcome ${String(never)}`);
      }
    }
  }

  private warn(message: string): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(message);
  }
}
