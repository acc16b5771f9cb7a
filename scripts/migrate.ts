import 'reflect-metadata';
import { ConfigError, loadConfig, runMigrations } from '@app/core';

/** Applies pending migrations (the compose file's one-shot migrate step). */
async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await runMigrations(config);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database is up to date.');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`);
  process.exit(1);
});
