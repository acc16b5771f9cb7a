import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'dbPoolSize' | 'dbConnectTimeoutMs'>,
  applicationName: string,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    applicationName,
    extra: {
      max: config.dbPoolSize,
      connectionTimeoutMillis: config.dbConnectTimeoutMs,
      idleTimeoutMillis: 30_000,
    },
  };
}

/** Refuses a database whose encoding would silently break Cyrillic search. */
export async function assertUtf8(dataSource: DataSource): Promise<void> {
  const rows: { server_encoding: string; lc_ctype: string }[] = await dataSource.query(
    `SELECT current_setting('server_encoding') AS server_encoding,
            (SELECT datctype FROM pg_database WHERE datname = current_database()) AS lc_ctype`,
  );
  const { server_encoding, lc_ctype } = rows[0];
  if (server_encoding !== 'UTF8' || !/utf-?8/i.test(lc_ctype)) {
    throw new Error(
      `The database must use UTF8 encoding with a UTF-8 ctype for Cyrillic search; it has ${server_encoding} / ${lc_ctype}`,
    );
  }
}

/** Applies pending migrations and returns their names. */
export async function runMigrations(
  config: Pick<AppConfig, 'databaseUrl' | 'dbPoolSize' | 'dbConnectTimeoutMs'>,
): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(config, 'portal-migrate'), extra: { max: 2 } });
  await dataSource.initialize();
  try {
    await assertUtf8(dataSource);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
