import { FreshCoalescer } from './fresh-coalescer';

/** A computation the test finishes by hand; `started` counts starts, results carry their start number. */
function controlled(maxRunning = 1): {
  coalescer: FreshCoalescer<string, string>;
  started: () => number;
  finish: (n: number, fail?: boolean) => Promise<void>;
} {
  const pending: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const coalescer = new FreshCoalescer<string, string>(
    (key) =>
      new Promise<string>((resolve, reject) => {
        pending.push({ resolve: (v) => resolve(`${key}${v}`), reject });
      }),
    maxRunning,
  );
  return {
    coalescer,
    started: () => pending.length,
    finish: async (n, fail = false) => {
      if (fail) pending[n - 1].reject(new Error(`run ${n} failed`));
      else pending[n - 1].resolve(`#${n}`);
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

describe(FreshCoalescer.name, () => {
  it('starts at once when nothing runs', async () => {
    const c = controlled();
    const a = c.coalescer.get('k');
    expect(c.started()).toBe(1);
    await c.finish(1);
    await expect(a).resolves.toBe('k#1');
  });

  it('never answers a later request with a run that started before it; queued requests share one run', async () => {
    const c = controlled();
    const first = c.coalescer.get('k');
    const second = c.coalescer.get('k');
    const third = c.coalescer.get('k');
    expect(c.started()).toBe(1);
    await c.finish(1);
    await expect(first).resolves.toBe('k#1');
    expect(c.started()).toBe(2);
    const fourth = c.coalescer.get('k');
    await c.finish(2);
    await expect(second).resolves.toBe('k#2');
    await expect(third).resolves.toBe('k#2');
    await c.finish(3);
    await expect(fourth).resolves.toBe('k#3');
  });

  it('keeps keys apart', async () => {
    const c = controlled();
    const a = c.coalescer.get('a');
    const b = c.coalescer.get('b');
    expect(c.started()).toBe(2);
    await c.finish(1);
    await c.finish(2);
    await expect(a).resolves.toBe('a#1');
    await expect(b).resolves.toBe('b#2');
  });

  it('fails only the callers of a failed run; the queued run still happens', async () => {
    const c = controlled();
    const first = c.coalescer.get('k');
    const second = c.coalescer.get('k');
    const firstDone = expect(first).rejects.toThrow('run 1 failed');
    await c.finish(1, true);
    await firstDone;
    expect(c.started()).toBe(2);
    await c.finish(2);
    await expect(second).resolves.toBe('k#2');
    const third = c.coalescer.get('k');
    expect(c.started()).toBe(3);
    await c.finish(3);
    await expect(third).resolves.toBe('k#3');
  });

  it('runs up to maxRunning at once, and only then queues', async () => {
    const c = controlled(2);
    const a = c.coalescer.get('k');
    const b = c.coalescer.get('k');
    expect(c.started()).toBe(2);
    const d = c.coalescer.get('k');
    const e = c.coalescer.get('k');
    expect(c.started()).toBe(2);
    await c.finish(2);
    await expect(b).resolves.toBe('k#2');
    expect(c.started()).toBe(3);
    await c.finish(1);
    await expect(a).resolves.toBe('k#1');
    const f = c.coalescer.get('k');
    expect(c.started()).toBe(4);
    await c.finish(3);
    await expect(d).resolves.toBe('k#3');
    await expect(e).resolves.toBe('k#3');
    await c.finish(4);
    await expect(f).resolves.toBe('k#4');
  });
});
