import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { REMINDER_TIME_ZONE } from './reminders.repository';
import { NoNewsRemindersService, ReminderRunResult } from './reminders.service';

export const WORKLOAD_QUEUE = 'workload';
export const NO_NEWS_REMINDERS_JOB = 'no-news-reminders';
/** Every morning at 08:00 Kyiv time. */
export const NO_NEWS_REMINDERS_PATTERN = '0 8 * * *';

/**
 * Daily, in the worker: the no-news reminders. The schedule is one job scheduler record in Redis,
 * upserted by every replica at start (so several workers and restarts keep one schedule); the
 * run itself is idempotent per day in the database, so a retry or a second worker sends nothing twice.
 */
@Processor(WORKLOAD_QUEUE)
export class NoNewsRemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(NoNewsRemindersProcessor.name);

  constructor(
    private readonly reminders: NoNewsRemindersService,
    @InjectQueue(WORKLOAD_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      NO_NEWS_REMINDERS_JOB,
      { pattern: NO_NEWS_REMINDERS_PATTERN, tz: REMINDER_TIME_ZONE },
      { name: NO_NEWS_REMINDERS_JOB, data: {} },
    );
  }

  async process(job: Job<{ requestId?: string }>): Promise<ReminderRunResult> {
    if (job.name !== NO_NEWS_REMINDERS_JOB) throw new Error(`Unknown job ${job.name}`);
    const result = await this.reminders.runToday(job.data?.requestId ?? `job:${job.id}`);
    this.logger.log(result, result.skipped ? 'no-news reminders already sent today' : 'no-news reminders sent');
    return result;
  }
}
