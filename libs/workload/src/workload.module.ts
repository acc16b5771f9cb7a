import { Module } from '@nestjs/common';

/** The workload context's HTTP side (controllers and services used by the api). */
@Module({})
export class WorkloadModule {}
