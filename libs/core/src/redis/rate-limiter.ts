import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { DomainError } from '../errors/domain-error';
import { REDIS } from './redis.tokens';

export interface LimitState {
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in Redis, shared by every api replica. When Redis cannot be reached the
 * counters fall back to this process's memory, so a Redis outage weakens throttling to one
 * replica's view instead of switching it off or locking everybody out.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(name: string): string {
    return `${this.config.redisPrefix}:rl:${name}`;
  }

  async peek(name: string): Promise<LimitState> {
    try {
      const [count, ttl] = await Promise.all([this.redis.get(this.key(name)), this.redis.ttl(this.key(name))]);
      return { count: Number(count ?? 0), retryAfterSeconds: Math.max(ttl, 1) };
    } catch {
      const entry = this.localEntry(name);
      return entry
        ? { count: entry.count, retryAfterSeconds: Math.ceil((entry.resetAt - Date.now()) / 1000) }
        : { count: 0, retryAfterSeconds: 1 };
    }
  }

  async hit(name: string, windowSeconds: number): Promise<LimitState> {
    try {
      const results = await this.redis
        .multi()
        .incr(this.key(name))
        .expire(this.key(name), windowSeconds, 'NX')
        .ttl(this.key(name))
        .exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      const ttl = Number(results?.[2]?.[1] ?? windowSeconds);
      return { count, retryAfterSeconds: Math.max(ttl, 1) };
    } catch (error) {
      this.logger.warn(`Rate limit counted in memory: ${(error as Error).message}`);
      const now = Date.now();
      const entry = this.localEntry(name) ?? { count: 0, resetAt: now + windowSeconds * 1000 };
      entry.count++;
      this.local.set(name, entry);
      return { count: entry.count, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
    }
  }

  async reset(name: string): Promise<void> {
    this.local.delete(name);
    try {
      await this.redis.del(this.key(name));
    } catch {
      // Redis away: the key expires on its own.
    }
  }

  /** Counts one more use and refuses with 429 and Retry-After once the limit is passed. */
  async consume(name: string, limit: number, windowSeconds: number, message: string): Promise<void> {
    const state = await this.hit(name, windowSeconds);
    if (state.count > limit) {
      throw new DomainError('too_many_requests', message, undefined, state.retryAfterSeconds);
    }
  }

  private localEntry(name: string): { count: number; resetAt: number } | undefined {
    const entry = this.local.get(name);
    if (entry && entry.resetAt <= Date.now()) {
      this.local.delete(name);
      return undefined;
    }
    return entry;
  }
}
