import { dataSourceOptions, runMigrations } from '@app/core';
import { MIGRATIONS } from '@app/core/database/migrations';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { testState } from './support/test-state';

/**
 * Every migration can be undone, newest first, each back to the schema the migrations before it
 * made, down to an empty schema; then all apply again to the same schema.
 */
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

  /** The schema without the table where TypeORM records what ran (extensions stay installed). */
  const withoutRecord = (lines: string[]): string[] =>
    lines.filter((line) => !/\bmigrations(_id_seq|_pkey)?\b/.test(line));

  const open = async (migrations = MIGRATIONS): Promise<DataSource> =>
    new DataSource({
      ...dataSourceOptions(config, 'portal-migrations-test'),
      migrations,
      extra: { max: 2 },
    }).initialize();

  it('applies each in turn, undoes each back to exactly the schema before it, and applies all again', async () => {
    // The schema before each migration, as the migrations before it leave it.
    const before: string[][] = [];
    for (let k = 0; k < MIGRATIONS.length; k++) {
      const db = await open(MIGRATIONS.slice(0, k));
      try {
        await db.runMigrations({ transaction: 'each' });
        before.push(withoutRecord(await schema(db)));
      } finally {
        await db.destroy();
      }
    }
    expect(await runMigrations(config)).toEqual([new MIGRATIONS[MIGRATIONS.length - 1]().name]);
    const db = await open();
    let applied: string[];
    try {
      applied = await schema(db);
      expect(await tables(db)).toEqual(expect.arrayContaining(['cases', 'inquiries', 'audit_log', 'case_contacts']));
      for (let k = MIGRATIONS.length - 1; k >= 0; k--) {
        await db.undoLastMigration({ transaction: 'each' });
        // Named, so that a failure says which migration's down() left the schema otherwise.
        expect([new MIGRATIONS[k]().name, withoutRecord(await schema(db))]).toEqual([
          new MIGRATIONS[k]().name,
          before[k],
        ]);
      }
      expect(await tables(db)).toEqual([]);
      expect(await db.query(`SELECT count(*)::int AS n FROM migrations`)).toEqual([{ n: 0 }]);
    } finally {
      await db.destroy();
    }
    expect(await runMigrations(config)).toHaveLength(MIGRATIONS.length);
    const again = await open();
    try {
      expect(await schema(again)).toEqual(applied!);
    } finally {
      await again.destroy();
    }
  });
});
