import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig, APP_CONFIG, REDIS } from '@app/core';
import { Redis } from 'ioredis';
import { SessionUserRow } from '../users/users.repository';

/** How long a checked session is trusted without asking the database again. */
const TTL_MS = 10_000;
const MAX_ENTRIES = 20_000;

/**
 * Remembers, for a few seconds, the account and session behind an access token, so that a busy
 * caseworker's requests do not each ask the database. It is only used while this process is
 * subscribed to the invalidation channel in Redis: every logout, revoked session, deactivation
 * and role change is published there after it commits, and every api process drops the entry at
 * once. While Redis is away the cache is off and every request checks the database, so a change
 * never waits for the time-to-live; the TTL only bounds a change made behind the api's back (SQL).
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  private readonly entries = new Map<string, { row: SessionUserRow; userId: string; at: number }>();
  private readonly channel: string;
  private subscriber: Redis | null = null;
  private subscribed = false;
  /** Moves on every invalidation and every change of the subscription: a read that began before it is not kept. */
  private generation = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.redisPrefix}:session-invalidations`;
  }

  onModuleInit(): void {
    const subscriber = this.redis.duplicate({ autoResubscribe: false, enableOfflineQueue: false, lazyConnect: false });
    this.subscriber = subscriber;
    subscriber.on('error', () => this.stop());
    subscriber.on('close', () => this.stop());
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        () => {
          this.reset();
          this.subscribed = true;
        },
        () => this.stop(),
      );
    });
    subscriber.on('message', (_channel: string, message: string) => this.drop(message));
  }

  onApplicationShutdown(): void {
    this.stop();
    this.subscriber?.disconnect();
  }

  /** Whether the cache is in use: subscribed to invalidations in Redis. */
  get live(): boolean {
    return this.subscribed;
  }

  /** The cached row for this session and account, if the cache is live and holds a fresh one. */
  get(userId: string, sessionId: string): SessionUserRow | undefined {
    if (!this.subscribed) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry || entry.userId !== userId) return undefined;
    if (Date.now() - entry.at >= TTL_MS) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.row;
  }

  /** Call before reading from the database; pass the result to `put`. */
  mark(): number {
    return this.generation;
  }

  /** Keeps a row read from the database, unless anything was invalidated since `mark`. */
  put(userId: string, sessionId: string, row: SessionUserRow, mark: number): void {
    if (!this.subscribed || mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sessionId, { row, userId, at: Date.now() });
  }

  /** After a committed change to an account (deactivation, role): drops its sessions everywhere. */
  async invalidateUser(userId: string): Promise<void> {
    await this.invalidate(`u:${userId}`);
  }

  /** After a committed revocation of one session (logout, refresh-token reuse). */
  async invalidateSession(sessionId: string): Promise<void> {
    await this.invalidate(`s:${sessionId}`);
  }

  private async invalidate(message: string): Promise<void> {
    this.drop(message);
    try {
      await this.redis.publish(this.channel, message);
    } catch {
      // Other processes keep their entry for at most the TTL; their own subscription is
      // likely broken too, which turns their cache off.
      this.logger.warn('Could not publish a session invalidation; other api processes may trust it for up to 10 s');
    }
  }

  private drop(message: string): void {
    this.generation++;
    const id = message.slice(2);
    if (message.startsWith('s:')) this.entries.delete(id);
    else if (message.startsWith('u:')) {
      for (const [sessionId, entry] of this.entries) if (entry.userId === id) this.entries.delete(sessionId);
    } else this.entries.clear();
  }

  private stop(): void {
    this.subscribed = false;
    this.reset();
  }

  private reset(): void {
    this.generation++;
    this.entries.clear();
  }
}
