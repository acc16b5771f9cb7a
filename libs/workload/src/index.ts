export * from './workload.module';
export * from './workload-worker.module';
