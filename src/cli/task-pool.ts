// A meta-batch's task jobs on worker threads (Node only): each worker runs jobs of the config it
// is sent (its runner, and so its compiled programs, kept across iterations), and outcomes come
// back in job order, so a training run on N workers has the bits of a serial one.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { MetaConfig } from '../meta/config.js';
import { type TaskJob, type TaskOutcome, type TaskPool, TaskRunner, policyLayout } from '../meta/task-runner.js';
import { defaultClock } from '../meta/costs.js';

type Request = { config: MetaConfig; job: TaskJob };
type Reply = { outcome: TaskOutcome } | { error: string };

export class WorkerTaskPool implements TaskPool {
  private readonly workers: Worker[];

  constructor(script: URL, size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(script, { workerData: { taskJobs: true } }));
  }

  runTasks(config: MetaConfig, jobs: readonly TaskJob[]): Promise<TaskOutcome[]> {
    const outcomes: TaskOutcome[] = new Array(jobs.length);
    let next = 0;
    let finished = 0;
    return new Promise((resolve, reject) => {
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
  parentPort?.on('message', ({ config, job }: Request) => {
    let reply: Reply;
    try {
      const k = JSON.stringify(config);
      if (runner === null || k !== key) {
        runner = new TaskRunner(config, policyLayout(config), defaultClock);
        key = k;
      }
      reply = { outcome: runner.run(job) };
    } catch (e) {
      reply = { error: (e as Error).message };
    }
    parentPort?.postMessage(reply);
  });
}
