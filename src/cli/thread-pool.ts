import { finished } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { type WorkerPort, WorkerPool, type WorkerPoolOptions } from '../workers/worker-pool.js';

export interface ThreadPoolOptions<Reply> extends Omit<WorkerPoolOptions<Reply>, 'drained' | 'turn'> {
  /** Handed to every thread as its workerData. */
  readonly workerData: unknown;
  /** Swallow the threads' stderr instead of passing it on to this process's. */
  readonly quiet?: boolean;
}

function threadPort<Request, Reply>(worker: Worker): WorkerPort<Request, Reply> {
  return {
    post: (request) => worker.postMessage(request),
    listen: ({ message, error, exit }) => {
      worker.on('message', message);
      worker.on('error', error);
      worker.on('exit', exit);
    },
    terminate: () => worker.terminate().then(() => undefined),
  };
}

/** A WorkerPool of `size` threads running `script`; a failed map rejects once every thread's stderr has ended. */
export function threadPool<Request, Reply>(script: URL, size: number, options: ThreadPoolOptions<Reply>): WorkerPool<Request, Reply> {
  const quiet = options.quiet === true;
  const workers = Array.from({ length: size }, () => new Worker(script, { workerData: options.workerData, stderr: quiet }));
  if (quiet) for (const w of workers) w.stderr.resume();
  const ends = workers.map((w) => finished(w.stderr).catch(() => undefined));
  return new WorkerPool(workers.map((w) => threadPort<Request, Reply>(w)), {
    name: options.name,
    failure: options.failure,
    isReady: options.isReady,
    // The threads' messages are read in the poll phase, before an immediate runs.
    turn: () => new Promise((resolve) => setImmediate(resolve)),
    drained: () => Promise.all(ends).then(() => undefined),
  });
}
