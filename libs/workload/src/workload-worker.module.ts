import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { NoNewsRemindersProcessor, WORKLOAD_QUEUE } from './reminders/reminders.processor';
import { RemindersRepository } from './reminders/reminders.repository';
import { NoNewsRemindersService } from './reminders/reminders.service';

/** The workload context's scheduled jobs (worker only): the daily no-news reminders. */
@Module({
  imports: [BullModule.registerQueue({ name: WORKLOAD_QUEUE })],
  providers: [RemindersRepository, NoNewsRemindersService, NoNewsRemindersProcessor],
  exports: [NoNewsRemindersService],
})
export class WorkloadWorkerModule {}
