import { dataSourceOptions, runMigrations } from '@app/core';
import { MIGRATIONS } from '@app/core/database/migrations';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { testState } from './support/test-state';

/** Every migration can be undone, newest first, down to an empty schema, and then applied again. */
describe('Migrations (e2e)', () => {
  const state = testState();
  const name = `portal_migrations_${randomBytes(4).toString('hex')}`;
  const url = new URL(state.databaseUrl);
  url.pathname = `/${name}`;
  const config = { databaseUrl: url.toString(), dbPoolSize: 2, dbConnectTimeoutMs: 5000 };
  let admin: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: state.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });

  async function tables(db: DataSource): Promise<string[]> {
    const rows: { name: string }[] = await db.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  }

  it('applies all, undoes each one down to nothing, and applies all again to the same schema', async () => {
    expect(await runMigrations(config)).toEqual(MIGRATIONS.map((m) => new m().name));
    const db = new DataSource({ ...dataSourceOptions(config, 'portal-migrations-test'), extra: { max: 2 } });
    await db.initialize();
    try {
      const full = await tables(db);
      expect(full).toEqual(expect.arrayContaining(['cases', 'inquiries', 'audit_log', 'case_contacts']));
      for (let i = 0; i < MIGRATIONS.length; i++) await db.undoLastMigration({ transaction: 'each' });
      expect(await tables(db)).toEqual([]);
      expect(await db.query(`SELECT count(*)::int AS n FROM migrations`)).toEqual([{ n: 0 }]);
    } finally {
      await db.destroy();
    }
    expect(await runMigrations(config)).toHaveLength(MIGRATIONS.length);
    const again = new DataSource({ ...dataSourceOptions(config, 'portal-migrations-test'), extra: { max: 2 } });
    await again.initialize();
    try {
      expect((await tables(again)).length).toBeGreaterThan(0);
    } finally {
      await again.destroy();
    }
  });
});
