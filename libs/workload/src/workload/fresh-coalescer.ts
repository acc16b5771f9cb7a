interface Deferred<V> {
  promise: Promise<V>;
  resolve: (value: V) => void;
  reject: (error: unknown) => void;
}

function deferred<V>(): Deferred<V> {
  let resolve!: (value: V) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<V>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Shares computations among the requests that wait for them, without ever answering a request
 * with a result computed before the request arrived. At most `maxRunning` computations run per
 * key; a request that finds them all busy joins the one queued run, which starts as soon as a
 * slot frees and serves everyone who queued meanwhile. Under load the database runs a bounded
 * number of aggregates however many callers ask, and every answer still reflects every change
 * committed before it was asked for (no cache, no staleness window).
 */
export class FreshCoalescer<K, V> {
  private readonly running = new Map<K, number>();
  private readonly queued = new Map<K, Deferred<V>>();

  constructor(
    private readonly compute: (key: K) => Promise<V>,
    private readonly maxRunning = 1,
  ) {}

  get(key: K): Promise<V> {
    if ((this.running.get(key) ?? 0) < this.maxRunning) return this.start(key);
    let next = this.queued.get(key);
    if (!next) {
      next = deferred<V>();
      this.queued.set(key, next);
    }
    return next.promise;
  }

  private start(key: K): Promise<V> {
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    const promise = this.compute(key);
    const done = (): void => {
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
      const next = this.queued.get(key);
      if (next) {
        this.queued.delete(key);
        this.start(key).then(next.resolve, next.reject);
      }
    };
    promise.then(done, done);
    return promise;
  }
}
