import { AppConfig, Invalidations, redisOptionsFromUrl } from '@app/core';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { LocalRedis } from '../../../notifications/src/testing/processes';
import { testConfig } from '../../../../test/support/test-config';
import { waitUntil } from '../../../../test/support/wait-until';
import { SessionUserRow } from '../users/users.repository';
import { SessionCache } from './session-cache';

/** Two api processes' caches on one Redis, as in production (each with its own connections). */
function cacheOn(config: AppConfig): { cache: SessionCache; close: () => void } {
  const redis = new Redis({
    ...redisOptionsFromUrl(config.redisUrl),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', () => undefined);
  const invalidations = new Invalidations(redis, config);
  const cache = new SessionCache(invalidations);
  return {
    cache,
    close: () => {
      invalidations.onApplicationShutdown();
      redis.disconnect();
    },
  };
}

function row(id: string): SessionUserRow {
  return {
    id,
    email: 'x@example.test',
    full_name: 'X',
    role: 'caseworker',
    language: 'uk',
    active: true,
    revoked_at: null,
    expires_at: new Date(Date.now() + 3_600_000),
  };
}

describe(SessionCache.name, () => {
  const config = testConfig({ redisPrefix: `${testConfig().redisPrefix}-cache-${randomUUID().slice(0, 8)}` });
  const one = cacheOn(config);
  const two = cacheOn(config);

  beforeAll(async () => {
    await waitUntil(
      'both caches to subscribe',
      async () => one.cache.live && two.cache.live,
      (ok) => ok,
      3000,
      10,
    );
  });

  afterAll(() => {
    one.close();
    two.close();
  });

  it('drops an account everywhere when any process publishes a change to it', async () => {
    const user = randomUUID();
    const [s1, s2] = [randomUUID(), randomUUID()];
    one.cache.put(user, s1, row(user), one.cache.mark());
    two.cache.put(user, s2, row(user), two.cache.mark());
    expect(one.cache.get(user, s1)).toBeDefined();
    expect(two.cache.get(user, s2)).toBeDefined();

    await one.cache.invalidateUser(user);
    expect(one.cache.get(user, s1)).toBeUndefined();
    await waitUntil(
      'the other process to drop the account',
      async () => two.cache.get(user, s2) === undefined,
      (ok) => ok,
      3000,
      10,
    );
  });

  it('drops one session everywhere, and keeps the account’s others', async () => {
    const user = randomUUID();
    const [ended, other] = [randomUUID(), randomUUID()];
    two.cache.put(user, ended, row(user), two.cache.mark());
    two.cache.put(user, other, row(user), two.cache.mark());
    await one.cache.invalidateSession(ended);
    await waitUntil(
      'the other process to drop the session',
      async () => two.cache.get(user, ended) === undefined,
      (ok) => ok,
      3000,
      10,
    );
    expect(two.cache.get(user, other)).toBeDefined();
  });

  it('does not keep a row read before an invalidation arrived', async () => {
    const user = randomUUID();
    const session = randomUUID();
    const mark = two.cache.mark();
    // The database is read here (the row is still active) while another process deactivates.
    await one.cache.invalidateUser(randomUUID());
    await waitUntil(
      'the invalidation to arrive',
      async () => two.cache.mark() !== mark,
      (ok) => ok,
      3000,
      10,
    );
    two.cache.put(user, session, row(user), mark);
    expect(two.cache.get(user, session)).toBeUndefined();
  });

  it('answers only for the account the token names', () => {
    const user = randomUUID();
    const session = randomUUID();
    one.cache.put(user, session, row(user), one.cache.mark());
    expect(one.cache.get(randomUUID(), session)).toBeUndefined();
  });

  it('turns itself off while Redis is away, and on again when it is back', async () => {
    const redis = await LocalRedis.start();
    const local = cacheOn({ ...config, redisUrl: redis.url });
    try {
      await waitUntil(
        'the cache to subscribe',
        async () => local.cache.live,
        (ok) => ok,
        3000,
        10,
      );
      const user = randomUUID();
      const session = randomUUID();
      local.cache.put(user, session, row(user), local.cache.mark());
      expect(local.cache.get(user, session)).toBeDefined();

      await redis.stop();
      await waitUntil(
        'the cache to turn off',
        async () => !local.cache.live,
        (ok) => ok,
        3000,
        10,
      );
      expect(local.cache.get(user, session)).toBeUndefined();
      local.cache.put(user, session, row(user), local.cache.mark());
      expect(local.cache.get(user, session)).toBeUndefined();

      await redis.startAgain();
      await waitUntil(
        'the cache to subscribe again',
        async () => local.cache.live,
        (ok) => ok,
        10_000,
        10,
      );
      local.cache.put(user, session, row(user), local.cache.mark());
      expect(local.cache.get(user, session)).toBeDefined();
    } finally {
      local.close();
      await redis.destroy();
    }
  });
});
