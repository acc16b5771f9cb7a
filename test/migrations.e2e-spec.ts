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

  /** The schema as the catalogue describes it: columns, indexes, constraints, functions, triggers, sequences. */
  async function schema(db: DataSource): Promise<string[]> {
    const rows: { line: string }[] = await db.query(
      `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
              coalesce(column_default, '') AS line
         FROM information_schema.columns WHERE table_schema = 'public'
       UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
       UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid)
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace
       UNION ALL SELECT 'function ' || proname FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
       UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger
         WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
       UNION ALL SELECT 'sequence ' || sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'
       ORDER BY 1`,
    );
    return rows.map((r) => r.line);
  }

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
    let applied: string[];
    try {
      applied = await schema(db);
      const full = await tables(db);
      expect(full).toEqual(expect.arrayContaining(['cases', 'inquiries', 'audit_log', 'case_contacts']));
      for (let i = 0; i < MIGRATIONS.length; i++) await db.undoLastMigration({ transaction: 'each' });
      expect(await tables(db)).toEqual([]);
      // Nothing left behind but the table where TypeORM keeps its record (extensions stay installed).
      expect((await schema(db)).filter((line) => !/\bmigrations(_id_seq|_pkey)?\b/.test(line))).toEqual([]);
      expect(await db.query(`SELECT count(*)::int AS n FROM migrations`)).toEqual([{ n: 0 }]);
    } finally {
      await db.destroy();
    }
    expect(await runMigrations(config)).toHaveLength(MIGRATIONS.length);
    const again = new DataSource({ ...dataSourceOptions(config, 'portal-migrations-test'), extra: { max: 2 } });
    await again.initialize();
    try {
      expect(await schema(again)).toEqual(applied!);
    } finally {
      await again.destroy();
    }
  });
});
