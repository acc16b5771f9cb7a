import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { SessionsRepository } from '../auth/sessions.repository';

export const IDENTITY_QUEUE = 'identity';
export const PRUNE_SESSIONS_JOB = 'prune-sessions';
const PRUNE_EVERY_MS = 3_600_000;
const KEEP_ENDED_DAYS = 7;

/** Hourly, in the worker: deletes sessions that ended over a week ago. Safe with several workers. */
@Processor(IDENTITY_QUEUE)
export class SessionsPruneProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SessionsPruneProcessor.name);

  constructor(
    private readonly sessions: SessionsRepository,
    @InjectQueue(IDENTITY_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // A job scheduler is one record in Redis: upserting it from every replica keeps one schedule.
    await this.queue.upsertJobScheduler(PRUNE_SESSIONS_JOB, { every: PRUNE_EVERY_MS }, { name: PRUNE_SESSIONS_JOB });
  }

  async process(job: Job): Promise<{ pruned: number }> {
    if (job.name !== PRUNE_SESSIONS_JOB) throw new Error(`Unknown job ${job.name}`);
    const pruned = await this.sessions.pruneEnded(KEEP_ENDED_DAYS);
    this.logger.log({ pruned }, 'ended sessions pruned');
    return { pruned };
  }
}
