import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from '../redis/redis-options';

/** The BullMQ connection: workers block on Redis, so retries per request are unlimited. */
export function bullConnection(config: Pick<AppConfig, 'redisUrl'>): ConnectionOptions {
  return { ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: null };
}

/** Attempts, back-off and retention for every queue, set in one place. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};
