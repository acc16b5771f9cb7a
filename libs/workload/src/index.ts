export * from './workload.module';
export * from './workload-worker.module';
export * from './reminders/reminders.processor';
export * from './reminders/reminders.service';
