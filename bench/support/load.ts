import { Agent, request } from 'node:http';
import { Session } from 'node:inspector/promises';
import { fork } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

export interface LoadResult {
  label: string;
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  /**
   * CPU time per request in ms, by process (Linux only): the server under test (and of it, its main
   * thread: the rest is V8's and libuv's helper threads, mostly garbage collection), the database,
   * the load generator.
   */
  cpu?: { server: number; serverMain: number; database: number; load: number };
  /** Every latency, sorted (for pooling rounds). */
  latencies: number[];
}

export interface LoadOptions {
  label: string;
  port: number;
  concurrency: number;
  seconds: number;
  /** Requested in turn, round and round. */
  paths: string[];
  headers?: Record<string, string>;
}

/**
 * Drives `concurrency` keep-alive connections over `paths` for `seconds`; latencies in ms. The
 * load comes from a child process, so the server under test (in this process) has its event loop
 * to itself, and the CPU time of server, database and load generator can be told apart.
 * `databasePid` is the postmaster, whose children are the database's processes.
 */
export function runLoad(options: LoadOptions, databasePid?: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { serialization: 'advanced' });
    const server = cpuByPid([process.pid]);
    const main = mainThreadCpu();
    const database = databasePid ? cpuByPid(processTree(databasePid)) : null;
    child.once('message', (result: LoadResult) => {
      const n = Math.max(1, result.requests);
      const load = cpuByPid([child.pid!]);
      if (load.size > 0)
        result.cpu = {
          server: cpuSince(server, cpuByPid([process.pid])) / n,
          serverMain: (mainThreadCpu() - main) / n,
          database: database ? cpuSince(database, cpuByPid(processTree(databasePid!))) / n : 0,
          load: cpuSince(new Map(), load) / n,
        };
      resolve(result);
      child.kill();
    });
    child.once('error', reject);
    child.send(options);
  });
}

/** User + system CPU time in ms of each process still running, from /proc (empty without /proc). */
function cpuByPid(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // not on Linux, or the process has ended
    }
  }
  return out;
}

/** User + system CPU time in ms of this process's main thread (0 without /proc). */
function mainThreadCpu(): number {
  try {
    const stat = readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU used between two snapshots by the processes alive at the second (new ones in full). */
function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

/** A process and its children (a postmaster and its backends). */
function processTree(root: number): number[] {
  const pids = [root];
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === root) pids.push(Number(entry));
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return [];
  }
  return pids;
}

/**
 * Runs `work` under the V8 CPU profiler when BENCH_PROFILE names a file prefix, writing
 * `<prefix>-<name>.cpuprofile` (open it in Chrome DevTools); otherwise just runs it.
 */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const prefix = process.env.BENCH_PROFILE;
  if (!prefix) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${prefix}-${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

async function drive(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const started = performance.now();
  const one = (path: string): Promise<number> =>
    new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port: options.port, path, agent, headers: options.headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end();
    });
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const status = await one(options.paths[counter++ % options.paths.length]);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    label: options.label,
    concurrency: options.concurrency,
    requests: latencies.length,
    errors,
    seconds,
    throughput: latencies.length / seconds,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    latencies,
  };
}

/**
 * Pools rounds of one scenario: requests over total time, percentiles over every latency, CPU per
 * request weighted by requests. Rounds of different scenarios interleaved spread the machine's
 * drift over all of them alike.
 */
export function pooled(rounds: LoadResult[]): LoadResult {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = latencies.length;
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const q = (p: number): number => latencies[Math.min(requests - 1, Math.floor(p * requests))] ?? 0;
  const cpuOf = (key: 'server' | 'serverMain' | 'database' | 'load'): number =>
    rounds.reduce((sum, r) => sum + (r.cpu?.[key] ?? 0) * r.requests, 0) / Math.max(1, requests);
  return {
    label: rounds[0].label,
    concurrency: rounds[0].concurrency,
    requests,
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    seconds,
    throughput: requests / seconds,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    cpu: rounds.every((r) => r.cpu)
      ? { server: cpuOf('server'), serverMain: cpuOf('serverMain'), database: cpuOf('database'), load: cpuOf('load') }
      : undefined,
    latencies,
  };
}

if (process.send && require.main === module) {
  process.once('message', (options: LoadOptions) => {
    void drive(options).then((result) => process.send!(result));
  });
}

export function printResults(title: string, results: LoadResult[]): void {
  console.log(`\n${title}`);
  console.log(
    'label'.padEnd(42) +
      'conc'.padStart(5) +
      'req/s'.padStart(9) +
      'p50 ms'.padStart(9) +
      'p95 ms'.padStart(9) +
      'p99 ms'.padStart(9) +
      'errors'.padStart(8),
  );
  for (const r of results) {
    console.log(
      r.label.padEnd(42) +
        String(r.concurrency).padStart(5) +
        r.throughput.toFixed(0).padStart(9) +
        r.p50.toFixed(2).padStart(9) +
        r.p95.toFixed(2).padStart(9) +
        r.p99.toFixed(2).padStart(9) +
        String(r.errors).padStart(8) +
        (r.cpu
          ? `   cpu ms/req: server ${r.cpu.server.toFixed(2)} (main thread ${r.cpu.serverMain.toFixed(2)}), ` +
            `db ${r.cpu.database.toFixed(2)}, load ${r.cpu.load.toFixed(2)}`
          : ''),
    );
  }
}
