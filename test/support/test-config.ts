import { AppConfig, loadConfig } from '@app/core';
import { testState } from './test-state';

/** The configuration every integration and end-to-end test boots with; overrides per test. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const state = testState();
  return {
    ...loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: state.databaseUrl,
      REDIS_URL: state.redisUrl,
      REDIS_PREFIX: state.redisPrefix,
      DB_POOL_SIZE: '5',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      MAIL_DIR: '',
    }),
    ...overrides,
  };
}
