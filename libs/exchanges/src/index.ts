export * from './exchanges.module';
