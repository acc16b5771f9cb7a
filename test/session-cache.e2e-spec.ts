import { SessionCache } from '@app/identity';
import { LocalRedis } from '../libs/notifications/src/testing/processes';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { signInStaff } from './support/factories';
import { waitUntil } from './support/wait-until';

/** Passport keeps one strategy per name in the process, so one api per test process (as in production). */
function sessionOf(accessToken: string): { sub: string; sid: string } {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as {
    sub: string;
    sid: string;
  };
}

describe('Session checks while Redis is away (e2e)', () => {
  let redis: LocalRedis;
  let api: TestApi;

  beforeAll(async () => {
    redis = await LocalRedis.start();
    api = await startTestApi({ redisUrl: redis.url });
    await waitUntil(
      'the session cache to subscribe',
      async () => api.app.get(SessionCache).live,
      (ok) => ok,
      3000,
      10,
    );
  });

  afterAll(async () => {
    await api.close();
    await redis.destroy();
  });

  it('checks every request in the database while invalidations cannot arrive, and caches again when Redis is back', async () => {
    const cache = api.app.get(SessionCache);
    const db = api.app.get(DataSource);
    const worker = await signInStaff(api, 'caseworker');
    const { sub, sid } = sessionOf(worker.accessToken);

    expect(cache.live).toBe(true);
    await api.http.get('/api/me').set(worker.auth).expect(200);
    expect(cache.get(sub, sid)).toBeDefined();

    await redis.stop();
    await waitUntil(
      'the session cache to turn off',
      async () => !cache.live,
      (ok) => ok,
      3000,
      10,
    );
    expect(cache.get(sub, sid)).toBeUndefined();

    // Changed behind the api's back: with the cache off, the very next request sees it.
    await db.query(`UPDATE users SET role = 'council' WHERE id = $1`, [worker.id]);
    expect((await api.http.get('/api/me').set(worker.auth).expect(200)).body.role).toBe('council');
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [worker.id]);
    await api.http.get('/api/me').set(worker.auth).expect(401);

    await db.query(`UPDATE users SET active = true WHERE id = $1`, [worker.id]);
    await redis.startAgain();
    await waitUntil(
      'the session cache to subscribe again',
      async () => cache.live,
      (ok) => ok,
      10_000,
      10,
    );
    await api.http.get('/api/me').set(worker.auth).expect(200);
    expect(cache.get(sub, sid)).toBeDefined();
  });
});
