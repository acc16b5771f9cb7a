import { Module } from '@nestjs/common';

/** The notifications context's background side: outbox relay, fan-out and delivery (worker only). */
@Module({})
export class NotificationsWorkerModule {}
