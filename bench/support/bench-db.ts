import { runMigrations } from '@app/core';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, RunningPostgres, startEmbeddedPostgres } from '../../scripts/support/embedded-postgres';

/** A throw-away embedded PostgreSQL for one benchmark run, migrated; `settings` as a server would be tuned. */
export async function startBenchDatabase(
  name: string,
  settings: Record<string, string> = {},
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const dataDir = join(tmpdir(), `portal-bench-${name}-${process.pid}`);
  const port = await freePort();
  const pg: RunningPostgres = await startEmbeddedPostgres({ dataDir, port, persistent: false, settings });
  await pg.createDatabase('bench');
  const url = pg.url('bench');
  await runMigrations({ databaseUrl: url, dbPoolSize: 2, dbConnectTimeoutMs: 5000 });
  return {
    url,
    pid: Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop: async () => {
      await pg.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
