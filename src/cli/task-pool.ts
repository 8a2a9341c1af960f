// A meta-batch's task jobs on worker threads (Node only): each worker runs jobs of the config it
// is sent (its runner, and so its compiled programs, kept across iterations), and outcomes come
// back in job order, so a training run on N workers has the bits of a serial one.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { MetaConfig } from '../meta/config.js';
import { type TaskJob, type TaskOutcome, type TaskPool, TaskRunner, policyLayout } from '../meta/task-runner.js';
import { defaultClock } from '../meta/costs.js';
import { threadCpuClock } from './run-measures.js';

type Request = { config: MetaConfig; job: TaskJob };
type Reply = { outcome: TaskOutcome } | { error: string };

export class WorkerTaskPool implements TaskPool {
  private readonly workers: Worker[];
  /** Why the pool can run no more tasks: a worker threw, ran out of memory or exited. */
  private failure: Error | null = null;
  private rejectPending: ((e: Error) => void) | null = null;
  private closing = false;

  constructor(script: URL, size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(script, { workerData: { taskJobs: true } }));
    // Without these, a dead worker never replies and training waits forever.
    for (const w of this.workers) {
      w.on('error', (e: Error) => this.fail(new Error(`a task worker failed: ${e.message}`)));
      w.on('exit', (code: number) => this.fail(new Error(`a task worker exited with code ${code}`)));
    }
  }

  private fail(e: Error): void {
    if (this.closing || this.failure !== null) return;
    this.failure = e;
    this.rejectPending?.(e);
  }

  runTasks(config: MetaConfig, jobs: readonly TaskJob[]): Promise<TaskOutcome[]> {
    const outcomes: TaskOutcome[] = new Array(jobs.length);
    let next = 0;
    let finished = 0;
    return new Promise((resolve, reject) => {
      if (this.failure !== null) {
        reject(this.failure);
        return;
      }
      this.rejectPending = reject;
      const feed = (w: Worker): void => {
        if (next >= jobs.length) return;
        const index = next++;
        w.once('message', (reply: Reply) => {
          if ('error' in reply) {
            reject(new Error(reply.error));
            return;
          }
          outcomes[index] = reply.outcome;
          if (++finished === jobs.length) resolve(outcomes);
          else feed(w);
        });
        w.postMessage({ config, job: jobs[index] } satisfies Request);
      };
      this.workers.forEach(feed);
    });
  }

  close(): Promise<void> {
    this.closing = true;
    return Promise.all(this.workers.map((w) => w.terminate())).then(() => undefined);
  }
}

/** True inside a worker a WorkerTaskPool started: the CLI entry then serves task jobs. */
export function isTaskWorker(): boolean {
  return !isMainThread && (workerData as { taskJobs?: unknown } | null)?.taskJobs === true;
}

/** The worker side: one runner per config, kept while the same config's jobs keep coming. */
export function serveTaskJobs(): void {
  let key = '';
  let runner: TaskRunner | null = null;
  // The job's CPU time on this thread, which the trainer's thread does not see.
  const cpuClock = threadCpuClock();
  parentPort?.on('message', ({ config, job }: Request) => {
    let reply: Reply;
    try {
      const k = JSON.stringify(config);
      if (runner === null || k !== key) {
        runner = new TaskRunner(config, policyLayout(config), defaultClock);
        key = k;
      }
      const cpu0 = cpuClock?.() ?? 0;
      const outcome = runner.run(job);
      reply = { outcome: cpuClock === null ? outcome : { ...outcome, cost: { ...outcome.cost, cpuSeconds: (cpuClock() - cpu0) / 1000 } } };
    } catch (e) {
      reply = { error: (e as Error).message };
    }
    parentPort?.postMessage(reply);
  });
}
