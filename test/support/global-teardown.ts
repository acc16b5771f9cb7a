import { Redis } from 'ioredis';
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { RunningPostgres } from '../../scripts/support/embedded-postgres';
import { testState } from './test-state';

export default async function globalTeardown(): Promise<void> {
  const state = testState();
  const redis = new Redis(state.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${state.redisPrefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis gone: nothing to clean.
  } finally {
    redis.disconnect();
  }
  const pg = (globalThis as { __embeddedPostgres?: RunningPostgres }).__embeddedPostgres;
  if (pg) {
    await pg.stop();
    if (state.embedded) rmSync(state.embedded.dataDir, { recursive: true, force: true });
  } else if (state.adminUrl) {
    const admin = new Client({ connectionString: state.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${state.database} WITH (FORCE)`);
    await admin.end();
  }
}
