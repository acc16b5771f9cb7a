import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SessionsRepository } from '../auth/sessions.repository';
import { IDENTITY_QUEUE, SessionsPruneProcessor } from './sessions-prune.processor';

/** The identity context's background work; imported by the worker only. */
@Module({
  imports: [BullModule.registerQueue({ name: IDENTITY_QUEUE })],
  providers: [SessionsRepository, SessionsPruneProcessor],
})
export class IdentityMaintenanceModule {}
