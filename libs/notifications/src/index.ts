export * from './notifications.module';
export * from './notifications-worker.module';
