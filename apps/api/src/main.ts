import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/core';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
  console.log(
    JSON.stringify({
      level: 'info',
      msg: 'api listening',
      url: `http://${config.host}:${config.port}/api`,
      startupMs: Date.now() - started,
    }),
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The api could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
