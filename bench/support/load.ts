import { Agent, request } from 'node:http';

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
}

/** Drives `concurrency` keep-alive connections at a URL picker for `seconds`; latencies in ms. */
export async function runLoad(options: {
  label: string;
  port: number;
  concurrency: number;
  seconds: number;
  path: (i: number) => string;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
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
        const status = await one(options.path(counter++));
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
  };
}

export function printResults(title: string, results: LoadResult[]): void {
  console.log(`\n${title}`);
  console.log(
    'label'.padEnd(34) +
      'conc'.padStart(5) +
      'req/s'.padStart(9) +
      'p50 ms'.padStart(9) +
      'p95 ms'.padStart(9) +
      'p99 ms'.padStart(9) +
      'errors'.padStart(8),
  );
  for (const r of results) {
    console.log(
      r.label.padEnd(34) +
        String(r.concurrency).padStart(5) +
        r.throughput.toFixed(0).padStart(9) +
        r.p50.toFixed(2).padStart(9) +
        r.p95.toFixed(2).padStart(9) +
        r.p99.toFixed(2).padStart(9) +
        String(r.errors).padStart(8),
    );
  }
}
