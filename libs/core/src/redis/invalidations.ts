import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { REDIS } from './redis.tokens';

type Handler = (payload: string) => void;

/**
 * Tells every api process to forget cached entries, over Redis pub/sub (one subscriber connection
 * per process, opened when the first cache registers). A message reaches the publishing process's
 * handlers at once and the others' within Redis's delivery time.
 *
 * `live` holds only while this process is subscribed: on any loss or renewal of the subscription
 * the reset handlers run, so a cache that relies on messages empties itself and stays off (or
 * falls back to a short lifetime) while a message could be missed.
 */
@Injectable()
export class Invalidations implements OnApplicationShutdown {
  private readonly logger = new Logger(Invalidations.name);
  private readonly channel: string;
  private readonly origin = randomUUID();
  private readonly handlers = new Map<string, Handler[]>();
  private readonly resets: Array<() => void> = [];
  private subscriber: Redis | null = null;
  private subscribed = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.redisPrefix}:invalidations`;
  }

  get live(): boolean {
    return this.subscribed;
  }

  /** Runs `handler` for every message on `topic`, from this process or another. */
  on(topic: string, handler: Handler): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
    this.start();
  }

  /** Runs `handler` whenever the subscription is lost or renewed (messages may have been missed). */
  onReset(handler: () => void): void {
    this.resets.push(handler);
    this.start();
  }

  /**
   * Call after the change has committed. Should Redis refuse the message, it is sent again every
   * half second for as long as another process may still trust an entry (`retryForMs`).
   */
  async publish(topic: string, payload: string, retryForMs = 10_000): Promise<void> {
    this.deliver(topic, payload);
    await this.send(JSON.stringify({ origin: this.origin, topic, payload }), Date.now() + retryForMs, topic);
  }

  private async send(message: string, until: number, topic: string): Promise<void> {
    try {
      await this.redis.publish(this.channel, message);
    } catch {
      if (Date.now() >= until) {
        this.logger.warn(
          `Could not publish an invalidation (${topic}); other processes keep their entry until it expires`,
        );
        return;
      }
      setTimeout(() => void this.send(message, until, topic), 500).unref();
    }
  }

  onApplicationShutdown(): void {
    this.setSubscribed(false);
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  private start(): void {
    if (this.subscriber) return;
    const subscriber = this.redis.duplicate({ autoResubscribe: false, enableOfflineQueue: false, lazyConnect: false });
    this.subscriber = subscriber;
    subscriber.on('error', () => this.setSubscribed(false));
    subscriber.on('close', () => this.setSubscribed(false));
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        () => this.setSubscribed(true),
        () => this.setSubscribed(false),
      );
    });
    subscriber.on('message', (_channel: string, raw: string) => {
      try {
        const message = JSON.parse(raw) as { origin?: string; topic?: string; payload?: string };
        if (message.origin === this.origin || typeof message.topic !== 'string') return;
        this.deliver(message.topic, String(message.payload ?? ''));
      } catch {
        // not one of ours
      }
    });
  }

  private setSubscribed(value: boolean): void {
    if (!value && !this.subscribed) return;
    this.subscribed = value;
    for (const reset of this.resets) reset();
  }

  private deliver(topic: string, payload: string): void {
    for (const handler of this.handlers.get(topic) ?? []) handler(payload);
  }
}
