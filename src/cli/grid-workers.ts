import { Worker } from 'node:worker_threads';
import { FileError } from '../io/file-system.js';
import { UsageError } from './args.js';
import type { RunResult, TrainJob } from './train-run.js';

/** What a train worker (serveTrainJobs in train-run.ts) posts back for a job. */
type Reply = { result: RunResult } | { error: string; kind: 'usage' | 'file' | 'other' };

function rebuildError(reply: { error: string; kind: 'usage' | 'file' | 'other' }): Error {
  return reply.kind === 'usage' ? new UsageError(reply.error) : reply.kind === 'file' ? new FileError(reply.error) : new Error(reply.error);
}

/**
 * Runs `jobs` on up to `workers` train workers of `script`, calling `onDone` as each job ends (in
 * any order). Unlike runInWorkers, the workers' stderr (each run's per-iteration progress) is
 * swallowed, so the grid's own progress line is the only one; the first failure stops them all.
 */
export function runGridJobs(jobs: readonly TrainJob[], workers: number, script: URL, onDone: (index: number) => void): Promise<void> {
  let next = 0;
  let finished = 0;
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () => new Worker(script, { workerData: { trainJobs: true }, stderr: true }));
  pool.forEach((w) => w.stderr.resume());
  return new Promise((resolve, reject) => {
    if (jobs.length === 0) resolve();
    const fail = (e: Error): void => {
      pool.forEach((w) => void w.terminate());
      reject(e);
    };
    const feed = (w: Worker): void => {
      if (next >= jobs.length) {
        void w.terminate();
        return;
      }
      const index = next++;
      w.once('message', (reply: Reply) => {
        if (!('result' in reply)) {
          fail(rebuildError(reply));
          return;
        }
        onDone(index);
        if (++finished === jobs.length) resolve();
        feed(w);
      });
      w.postMessage(jobs[index]);
    };
    for (const w of pool) {
      w.once('error', fail);
      feed(w);
    }
  });
}
