import { Module } from '@nestjs/common';

/** The workload context's scheduled jobs (worker only). */
@Module({})
export class WorkloadWorkerModule {}
