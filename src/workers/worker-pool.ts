// Requests to a fixed set of workers (Node's worker threads, the browser's Web Workers) and their
// replies: each worker answers its requests in order, jobs spread over the free workers come back
// in job order, and a worker that throws, exits or sends back a failure fails what waits on it
// instead of leaving it waiting forever. No platform API: each platform wraps its worker in a
// WorkerPort. The calling thread may take jobs too, as one more worker: the only one while the
// workers are starting (a worker is dealt jobs once it said it is ready, its script loaded).

/** What a pool hears from one worker. */
export interface PortListeners<Reply> {
  /** Each message the worker posts, in the order it posted them. */
  message(reply: Reply): void;
  /** An error the worker did not catch. */
  error(e: Error): void;
  /** The worker's thread ended (a browser's Web Worker never says). */
  exit(code: number): void;
}

/** One worker as a pool drives it. */
export interface WorkerPort<Request, Reply> {
  post(request: Request): void;
  listen(listeners: PortListeners<Reply>): void;
  terminate(): Promise<void>;
}

export interface WorkerPoolOptions<Reply> {
  /** What one worker is called in an error: `a task worker` gives "a task worker exited with code 3". */
  readonly name: string;
  /** The error a reply carries (a failure the worker caught and sent back), or null for an answer. */
  readonly failure: (reply: Reply) => Error | null;
  /**
   * Resolves once everything the workers wrote has been read (their stderr ended): a failed
   * `map` rejects after that, so the caller's last line comes after the workers' own lines.
   */
  readonly drained?: () => Promise<void>;
  /**
   * True for a reply that only says its worker is ready (the first it posts), answering no
   * request: jobs are dealt to a worker once it said so. Absent, every worker counts as ready.
   */
  readonly isReady?: (reply: Reply) => boolean;
  /** Lets the workers' replies be read between two jobs `map` runs in this thread; default a zero timeout. */
  readonly turn?: () => Promise<void>;
}

export interface MapOptions<Job, Request, Reply, Result> {
  readonly request: (job: Job) => Request;
  readonly result: (reply: Reply) => Result;
  /** Called as each job ends, in the order they end. */
  readonly onDone?: (index: number, result: Result) => void;
  /**
   * A failure after which the jobs under way are let finish before `map` rejects (an
   * interruption: each worker stops after its write in progress). Any other failure stops every
   * worker at once.
   */
  readonly letFinish?: (e: Error) => boolean;
  /**
   * Runs a job in this thread, which then takes jobs too, as one more worker. The result must not
   * depend on where the job ran: results are in job order either way.
   */
  readonly runHere?: (job: Job) => Result;
}

interface Waiting<Reply> {
  readonly resolve: (reply: Reply) => void;
  readonly reject: (e: Error) => void;
}

export class WorkerPool<Request, Reply> {
  /** Per worker, the requests posted to it and not yet answered, oldest first. */
  private readonly waiting: Waiting<Reply>[][];
  /** Why the pool can answer no more requests: a worker threw or exited. */
  private failure: Error | null = null;
  private closing = false;
  private closed: Promise<void> = Promise.resolve();
  /** Per worker, whether it said it is ready, and the promise that resolves when it did (or the pool failed or closed). */
  private readonly ready: boolean[];
  private readonly whenReady: Promise<void>[];
  private readonly markReady: (() => void)[] = [];

  constructor(
    private readonly ports: readonly WorkerPort<Request, Reply>[],
    private readonly options: WorkerPoolOptions<Reply>,
  ) {
    this.waiting = ports.map(() => []);
    const expectsReady = options.isReady !== undefined;
    this.ready = ports.map(() => !expectsReady);
    this.whenReady = ports.map((_, w) => (expectsReady ? new Promise<void>((resolve) => (this.markReady[w] = resolve)) : Promise.resolve()));
    ports.forEach((port, w) =>
      port.listen({
        message: (reply) => this.receive(w, reply),
        error: (e) => this.fail(new Error(`${options.name} failed: ${e.message}`)),
        exit: (code) => this.fail(new Error(`${options.name} exited with code ${code}`)),
      }),
    );
  }

  get size(): number {
    return this.ports.length;
  }

  /** Why the pool can answer no more requests (a worker threw or exited), or null. */
  get failed(): Error | null {
    return this.failure;
  }

  private setReady(w: number): void {
    this.ready[w] = true;
    this.markReady[w]?.();
  }

  private receive(w: number, reply: Reply): void {
    if (!this.ready[w] && this.options.isReady?.(reply) === true) {
      this.setReady(w);
      return;
    }
    const waiter = this.waiting[w].shift();
    if (waiter === undefined) return;
    const failure = this.options.failure(reply);
    if (failure === null) waiter.resolve(reply);
    else waiter.reject(failure);
  }

  private fail(e: Error): void {
    if (this.closing || this.failure !== null) return;
    this.failure = e;
    // A feeder waiting for a worker to start then meets the failure in `request`.
    this.ports.forEach((_, w) => this.setReady(w));
    for (const queue of this.waiting) for (const waiter of queue.splice(0)) waiter.reject(e);
  }

  /** Posts `request` to worker `w`; resolves with its answer, rejects with the failure it sent back or the pool's. */
  request(w: number, request: Request): Promise<Reply> {
    return new Promise((resolve, reject) => {
      if (this.failure !== null || this.closing) {
        reject(this.failure ?? new Error(`${this.options.name} was stopped`));
        return;
      }
      this.waiting[w].push({ resolve, reject });
      this.ports[w].post(request);
    });
  }

  /**
   * Runs every job on the first free worker (with `runHere`, this thread being one) and resolves with the results in job order. The first failure stops the feeding;
   * the pool is then closed and `map` rejects with it.
   */
  map<Job, Result>(jobs: readonly Job[], options: MapOptions<Job, Request, Reply, Result>): Promise<Result[]> {
    const results: Result[] = new Array(jobs.length);
    let next = 0;
    let stopped: Error | null = null;
    // Set below: this thread's share, which ends once the jobs are all taken or at a failure.
    let hereDone: Promise<void> = Promise.resolve();
    const feed = async (w: number): Promise<void> => {
      // A worker still starting when this thread has taken the last job gets none.
      await Promise.race([this.whenReady[w], hereDone]);
      while (stopped === null && next < jobs.length) {
        const index = next++;
        let reply: Reply;
        try {
          reply = await this.request(w, options.request(jobs[index]));
        } catch (e) {
          stopped ??= e as Error;
          // Jobs under way on other workers are cut short unless the failure lets them finish.
          if (options.letFinish?.(stopped) !== true) void this.close();
          return;
        }
        if (stopped !== null) return;
        results[index] = options.result(reply);
        options.onDone?.(index, results[index]);
      }
    };
    const { runHere } = options;
    const turn = this.options.turn ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    const feedHere = async (): Promise<void> => {
      if (runHere === undefined) return;
      while (stopped === null && next < jobs.length) {
        const index = next++;
        try {
          results[index] = runHere(jobs[index]);
        } catch (e) {
          stopped ??= e as Error;
          void this.close();
          return;
        }
        options.onDone?.(index, results[index]);
        // Workers that became ready or finished a job are fed before this thread takes another.
        await turn();
      }
    };
    hereDone = feedHere();
    return Promise.all([hereDone, ...this.ports.map((_, w) => feed(w))]).then(async () => {
      if (stopped === null) return results;
      await this.close();
      await this.options.drained?.();
      throw stopped;
    });
  }

  /** Ends every worker; a request still waiting is rejected, as stopped. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = true;
      this.ports.forEach((_, w) => this.setReady(w));
      const stopped = new Error(`${this.options.name} was stopped`);
      for (const queue of this.waiting) for (const waiter of queue.splice(0)) waiter.reject(stopped);
      this.closed = Promise.all(this.ports.map((p) => p.terminate())).then(() => undefined);
    }
    return this.closed;
  }
}
