import 'reflect-metadata';
import { ConfigError, dataSourceOptions, loadConfig, redisOptionsFromUrl, runMigrations } from '@app/core';
import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { ensureDemoAccounts } from './support/demo-accounts';
import { seedDemoCases } from './support/demo-cases';
import { seedDemoData } from './support/demo-data';
import { developmentDataDir, RunningPostgres, startEmbeddedPostgres } from './support/embedded-postgres';

/**
 * `npm run dev`: an embedded PostgreSQL when DATABASE_URL is unset (data kept between runs),
 * migrations, demo accounts and data, then the api and the worker. Ctrl-C stops everything.
 */
const root = resolve(__dirname, '..', '..');
const EMBEDDED_PORT = 54329;
const children: ChildProcess[] = [];
let postgres: RunningPostgres | null = null;
let stopping = false;

function say(line: string): void {
  console.log(`\x1b[36m[dev]\x1b[0m ${line}`);
}

async function redisReachable(url: string): Promise<boolean> {
  const client = new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function start(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist', script)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = name === 'api' ? '\x1b[32m[api]\x1b[0m ' : '\x1b[35m[worker]\x1b[0m ';
  const relay = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void => {
    let buffer = '';
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) out.write(prefix + line + '\n');
    });
  };
  relay(child.stdout!, process.stdout);
  relay(child.stderr!, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (postgres) {
    say('stopping the embedded PostgreSQL');
    await postgres.stop().catch(() => undefined);
  }
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
  const preliminary = loadConfig(env);
  if (!(await redisReachable(preliminary.redisUrl))) {
    console.error(
      `Redis is not reachable at ${preliminary.redisUrl}: start one with \`redis-server\` (or \`docker compose -f docker/compose.yaml up -d redis\`) or set REDIS_URL.`,
    );
    process.exit(1);
  }
  if (!env.DATABASE_URL) {
    const dataDir = developmentDataDir(root);
    say(`starting an embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PORT} (data in ${dataDir})`);
    postgres = await startEmbeddedPostgres({ dataDir, port: EMBEDDED_PORT, persistent: true });
    await postgres.createDatabase('portal');
    env.DATABASE_URL = postgres.url('portal');
  }
  const config = loadConfig(env);
  const applied = await runMigrations(config);
  say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema up to date');

  const dataSource = await new DataSource({
    ...dataSourceOptions(config, 'portal-dev-seed'),
    extra: { max: 2 },
  }).initialize();
  const { accounts, created } = await ensureDemoAccounts(dataSource, join(root, '.data', 'demo-accounts.json'));
  await seedDemoCases(dataSource, (line) => say(line));
  await seedDemoData(dataSource, (line) => say(line));
  await dataSource.destroy();

  start('api', 'apps/api/src/main.js', env);
  start('worker', 'apps/worker/src/main.js', env);
  const base = `http://localhost:${config.port}`;
  if (!(await waitForHealth(`http://127.0.0.1:${config.port}/api/health/live`, 30_000))) {
    say('the api did not become healthy within 30 s');
    return shutdown(1);
  }
  say('');
  say(`API:     ${base}/api`);
  say(`Docs:    ${base}/api/docs`);
  say(`Health:  ${base}/api/health    Metrics: ${base}/metrics`);
  say(
    `Demo accounts${created ? ' (created now; kept in .data/demo-accounts.json)' : ' (from .data/demo-accounts.json)'}:`,
  );
  for (const a of accounts) say(`  ${a.role.padEnd(10)} ${a.email.padEnd(24)} ${a.password}`);
  say('Press Ctrl-C to stop.');
}

main().catch(async (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `npm run dev failed: ${(error as Error).message}`);
  await shutdown(1);
});
