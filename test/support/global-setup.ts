import { runMigrations } from '../../libs/core/src/database/data-source';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres } from '../../scripts/support/embedded-postgres';
import { STATE_VARIABLE, TestState } from './test-state';

/**
 * One database for the whole run, migrated once: a fresh database on DATABASE_URL's server when
 * that is set, otherwise an embedded PostgreSQL in the OS temp folder. Redis comes from REDIS_URL
 * (default 127.0.0.1:6379) with a key prefix of this run's own.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const database = `portal_test_${runId}`;
  let databaseUrl: string;
  let embedded: TestState['embedded'] = null;
  if (process.env.DATABASE_URL) {
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database} ENCODING 'UTF8' TEMPLATE template0`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
  } else {
    const dataDir = join(tmpdir(), `portal-test-pg-${runId}`);
    const port = await freePort();
    const pg = await startEmbeddedPostgres({ dataDir, port, persistent: false });
    await pg.createDatabase(database);
    databaseUrl = pg.url(database);
    embedded = { dataDir, port };
    (globalThis as { __embeddedPostgres?: typeof pg }).__embeddedPostgres = pg;
  }
  await runMigrations({ databaseUrl, dbPoolSize: 2, dbConnectTimeoutMs: 5000 });
  const state: TestState = {
    databaseUrl,
    database,
    adminUrl: process.env.DATABASE_URL ?? null,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: `portal-test-${runId}`,
    embedded,
  };
  process.env[STATE_VARIABLE] = JSON.stringify(state);
}
