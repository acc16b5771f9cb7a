import { SessionCache } from '@app/identity';
import { LocalRedis } from '../libs/notifications/src/testing/processes';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';
import { signInStaff } from './support/factories';

/** Polls until `check` holds, for at most `ms`; the assertion after it says what was awaited. */
async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

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
    await eventually(async () => api.app.get(SessionCache).live);
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
    expect(await eventually(async () => !cache.live)).toBe(true);
    expect(cache.get(sub, sid)).toBeUndefined();

    // Changed behind the api's back: with the cache off, the very next request sees it.
    await db.query(`UPDATE users SET role = 'council' WHERE id = $1`, [worker.id]);
    expect((await api.http.get('/api/me').set(worker.auth).expect(200)).body.role).toBe('council');
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [worker.id]);
    await api.http.get('/api/me').set(worker.auth).expect(401);

    await db.query(`UPDATE users SET active = true WHERE id = $1`, [worker.id]);
    await redis.startAgain();
    expect(await eventually(async () => cache.live, 10_000)).toBe(true);
    await api.http.get('/api/me').set(worker.auth).expect(200);
    expect(cache.get(sub, sid)).toBeDefined();
  });
});
