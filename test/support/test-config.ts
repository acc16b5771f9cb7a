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
      // Every test signs up from 127.0.0.1: per-address limits are tested with their own settings.
      REGISTER_MAX_PER_IP: '100000',
      LOGIN_MAX_FAILURES_PER_IP: '100000',
      INQUIRY_MAX_PER_ACCOUNT: '1000',
    }),
    ...overrides,
  };
}
