import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import {
  AppConfig,
  bullConnection,
  ConfigModule,
  DatabaseModule,
  DEFAULT_JOB_OPTIONS,
  LoggingModule,
  MetricsModule,
} from '@app/core';
import { IdentityMaintenanceModule } from '@app/identity';
import { NotificationsWorkerModule } from '@app/notifications';
import { WorkloadWorkerModule } from '@app/workload';

/** The worker: queue processors and scheduled jobs, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        MetricsModule,
        AuditModule,
        BullModule.forRoot({
          connection: bullConnection(config),
          prefix: config.redisPrefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        IdentityMaintenanceModule,
        NotificationsWorkerModule,
        WorkloadWorkerModule,
      ],
    };
  }
}
