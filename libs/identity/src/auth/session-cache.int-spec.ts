import { AppConfig, Invalidations, redisOptionsFromUrl } from '@app/core';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { LocalRedis } from '../../../notifications/src/testing/processes';
import { testConfig } from '../../../../test/support/test-config';
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

async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until && !check()) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
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
    expect(await eventually(() => one.cache.live && two.cache.live)).toBe(true);
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
    expect(await eventually(() => two.cache.get(user, s2) === undefined)).toBe(true);
  });

  it('drops one session everywhere, and keeps the account’s others', async () => {
    const user = randomUUID();
    const [ended, other] = [randomUUID(), randomUUID()];
    two.cache.put(user, ended, row(user), two.cache.mark());
    two.cache.put(user, other, row(user), two.cache.mark());
    await one.cache.invalidateSession(ended);
    expect(await eventually(() => two.cache.get(user, ended) === undefined)).toBe(true);
    expect(two.cache.get(user, other)).toBeDefined();
  });

  it('does not keep a row read before an invalidation arrived', async () => {
    const user = randomUUID();
    const session = randomUUID();
    const mark = two.cache.mark();
    // The database is read here (the row is still active) while another process deactivates.
    await one.cache.invalidateUser(randomUUID());
    expect(await eventually(() => two.cache.mark() !== mark)).toBe(true);
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
      expect(await eventually(() => local.cache.live)).toBe(true);
      const user = randomUUID();
      const session = randomUUID();
      local.cache.put(user, session, row(user), local.cache.mark());
      expect(local.cache.get(user, session)).toBeDefined();

      await redis.stop();
      expect(await eventually(() => !local.cache.live)).toBe(true);
      expect(local.cache.get(user, session)).toBeUndefined();
      local.cache.put(user, session, row(user), local.cache.mark());
      expect(local.cache.get(user, session)).toBeUndefined();

      await redis.startAgain();
      expect(await eventually(() => local.cache.live, 10_000)).toBe(true);
      local.cache.put(user, session, row(user), local.cache.mark());
      expect(local.cache.get(user, session)).toBeDefined();
    } finally {
      local.close();
      await redis.destroy();
    }
  });
});
