export * from './exchanges.module';
export * from './exchange-outcome';
