import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Private processes for the fault tests and the benchmark: a redis-server of their own on a
 * free port (never the machine's shared one), and worker processes started from dist/. Each is
 * stopped or killed by its own pid, nothing else.
 */

export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function redisBinary(): string {
  for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    if (existsSync(candidate)) return candidate;
  }
  return 'redis-server';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when a Redis answers PING on the port. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** A redis-server of our own: in memory only, like the machine's (a stop loses every key). */
export class LocalRedis {
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'portal-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<LocalRedis> {
    const redis = new LocalRedis(await freeLocalPort());
    await redis.startAgain();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Starts it (again) on the same port. */
  async startAgain(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      redisBinary(),
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir],
      { stdio: 'ignore' },
    );
    this.child = child;
    child.on('exit', () => {
      if (this.child === child) this.child = null;
    });
    for (let i = 0; i < 100; i++) {
      if (await pings(this.port)) return;
      if (!this.child) throw new Error('redis-server exited at start (is it installed?)');
      await sleep(50);
    }
    throw new Error('redis-server did not answer within 5 s');
  }

  /** Stops it as an outage would (SIGKILL by default): everything in it is lost. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface WorkerProcess {
  readonly pid: number;
  /** The last lines it wrote (stdout and stderr), for diagnosing a failure. */
  readonly output: string[];
  /** Resolves when it logged "worker started" (an info line: LOG_LEVEL must let it through). */
  readonly ready: Promise<void>;
  readonly exited: boolean;
  /** SIGTERM, then SIGKILL if it has not exited after the grace period. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: no shutdown hook runs, jobs and claims stay as they were. */
  kill(): Promise<void>;
}

const KEEP_LINES = 300;

/** Starts `node dist/apps/worker/src/main.js` from the project root with exactly this environment (plus PATH). */
export function spawnWorker(projectRoot: string, env: Record<string, string>): WorkerProcess {
  const main = join(projectRoot, 'dist', 'apps', 'worker', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const child = spawn(process.execPath, [main], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  let markReady: () => void = () => undefined;
  let failReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  ready.catch(() => undefined);
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      output.push(line);
      if (line.includes('"worker started"')) markReady();
    }
    if (output.length > KEEP_LINES) output.splice(0, output.length - KEEP_LINES);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  void exit.then(() => failReady(new Error(`worker exited before it was ready:\n${output.slice(-20).join('\n')}`)));
  const pid = child.pid ?? -1;
  return {
    pid,
    output,
    ready,
    get exited(): boolean {
      return exited;
    },
    async stop(graceMs = 10_000): Promise<void> {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
    async kill(): Promise<void> {
      if (exited) return;
      child.kill('SIGKILL');
      await exit;
    },
  };
}
