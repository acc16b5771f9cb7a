import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, bullConnection, ConfigModule, DatabaseModule, DEFAULT_JOB_OPTIONS, MetricsModule } from '@app/core';
import { WORKLOAD_QUEUE, WorkloadWorkerModule } from '@app/workload';
import { Queue, QueueEvents } from 'bullmq';
import { testConfig } from './test-config';

@Module({})
class WorkloadTestWorkerModule {}

export interface TestWorker {
  app: INestApplicationContext;
  queue: Queue;
  close: () => Promise<void>;
}

/**
 * One worker process as the worker app composes it for this context: the real BullMQ processor and
 * job scheduler on the run's Redis prefix, the real database. Several may run at once.
 */
export async function startWorkloadWorker(overrides: Partial<AppConfig> = {}): Promise<TestWorker> {
  const config = testConfig(overrides);
  const app = await NestFactory.createApplicationContext(
    {
      module: WorkloadTestWorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        MetricsModule,
        BullModule.forRoot({
          connection: bullConnection(config),
          prefix: config.redisPrefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        WorkloadWorkerModule,
      ],
    },
    { logger: false },
  );
  await app.init();
  const queue = app.get<Queue>(getQueueToken(WORKLOAD_QUEUE));
  return { app, queue, close: () => app.close() };
}

/** Listens for job completion on the workload queue (the run's own prefix). */
export async function workloadQueueEvents(): Promise<QueueEvents> {
  const config = testConfig();
  const events = new QueueEvents(WORKLOAD_QUEUE, { connection: bullConnection(config), prefix: config.redisPrefix });
  await events.waitUntilReady();
  return events;
}
