import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { redisOptionsFromUrl } from './redis-options';
import { Invalidations } from './invalidations';
import { RateLimiter } from './rate-limiter';
import { REDIS } from './redis.tokens';

export { REDIS } from './redis.tokens';

/**
 * The api's own Redis client. Commands fail fast while Redis is away (no offline queue),
 * so a Redis outage slows nothing down; it reconnects by itself.
 */
@Injectable()
export class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('Redis');
        const client = new Redis({
          ...redisOptionsFromUrl(config.redisUrl),
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          retryStrategy: (times) => Math.min(times * 200, 5000),
          lazyConnect: false,
        });
        let down = false;
        client.on('error', (error: Error) => {
          if (!down) logger.warn(`Redis unavailable: ${error.message}`);
          down = true;
        });
        client.on('ready', () => {
          if (down) logger.log('Redis connection restored');
          down = false;
        });
        return client;
      },
    },
    RedisLifecycle,
    RateLimiter,
    Invalidations,
  ],
  exports: [REDIS, RateLimiter, Invalidations],
})
export class RedisModule {}
