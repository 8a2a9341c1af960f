// A meta-batch's task jobs on worker threads (Node only): each worker runs jobs of the config it
// is sent (its runner, and so its compiled programs, kept across iterations), and outcomes come
// back in job order, so a training run on N workers has the bits of a serial one. A TRPO step's
// tasks run there too: each worker holds a contiguous share of them for the step, and answers
// every product and line-search evaluation for its share; the main thread sums in task order.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { MetaConfig } from '../meta/config.js';
import { CostMeter, defaultClock } from '../meta/costs.js';
import { type TaskJob, type TaskOutcome, type TaskPool, TaskRunner, policyLayout } from '../meta/task-runner.js';
import { type TrpoCounts, type TrpoPoint, type TrpoReply, type TrpoRequest, type TrpoTaskHost, answerLocally } from '../meta/trpo.js';
import { TrpoTask, type TrpoTaskData } from '../meta/trpo-task.js';
import { threadCpuClock } from './run-measures.js';

type Request =
  | { kind: 'job'; config: MetaConfig; job: TaskJob }
  | { kind: 'trpo-begin'; config: MetaConfig; point: TrpoPoint; tasks: readonly TrpoTaskData[] }
  | { kind: 'trpo-answer'; request: TrpoRequest }
  | { kind: 'trpo-end' };

type Reply =
  | { outcome: TaskOutcome }
  | { begun: { oldLosses: number[]; retainedFloats: number }; counts: TrpoCounts }
  | { reply: TrpoReply; counts: TrpoCounts }
  | { ended: true }
  | { error: string };

export class WorkerTaskPool implements TaskPool {
  private readonly workers: Worker[];
  /** Why the pool can run no more tasks: a worker threw, ran out of memory or exited. */
  private failure: Error | null = null;
  private readonly pending = new Set<(e: Error) => void>();
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
    for (const reject of this.pending) reject(e);
    this.pending.clear();
  }

  /** Posts one request to `w` and resolves with its reply (a worker answers requests in order). */
  private call(w: Worker, request: Request): Promise<Exclude<Reply, { error: string }>> {
    return new Promise((resolve, reject) => {
      if (this.failure !== null) {
        reject(this.failure);
        return;
      }
      this.pending.add(reject);
      w.once('message', (reply: Reply) => {
        this.pending.delete(reject);
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply);
      });
      w.postMessage(request);
    });
  }

  async runTasks(config: MetaConfig, jobs: readonly TaskJob[]): Promise<TaskOutcome[]> {
    const outcomes: TaskOutcome[] = new Array(jobs.length);
    let next = 0;
    const feed = async (w: Worker): Promise<void> => {
      while (next < jobs.length) {
        const index = next++;
        outcomes[index] = ((await this.call(w, { kind: 'job', config, job: jobs[index] })) as { outcome: TaskOutcome }).outcome;
      }
    };
    await Promise.all(this.workers.map(feed));
    return outcomes;
  }

  trpoHost(config: MetaConfig): TrpoTaskHost {
    let holders: Worker[] = [];
    const counted = (replies: readonly { counts: TrpoCounts }[]): TrpoCounts => ({
      gradientEvaluations: replies.reduce((s, r) => s + r.counts.gradientEvaluations, 0),
      hvps: replies.reduce((s, r) => s + r.counts.hvps, 0),
      cpuSeconds: replies.reduce((s, r) => s + (r.counts.cpuSeconds ?? 0), 0),
    });
    return {
      begin: async (point, tasks) => {
        // Contiguous shares, so that concatenating the replies keeps task order.
        const W = Math.min(this.workers.length, tasks.length);
        holders = this.workers.slice(0, W);
        const shares = holders.map((_, w) => tasks.slice(Math.floor((w * tasks.length) / W), Math.floor(((w + 1) * tasks.length) / W)));
        const replies = (await Promise.all(holders.map((w, i) => this.call(w, { kind: 'trpo-begin', config, point, tasks: shares[i] })))) as Extract<Reply, { begun: unknown }>[];
        return {
          oldLosses: replies.flatMap((r) => r.begun.oldLosses),
          retainedFloats: replies.reduce((s, r) => s + r.begun.retainedFloats, 0),
          counts: counted(replies),
        };
      },
      answer: async (request) => {
        const replies = (await Promise.all(holders.map((w) => this.call(w, { kind: 'trpo-answer', request })))) as Extract<Reply, { reply: unknown }>[];
        return { reply: replies.flatMap((r) => r.reply as TrpoReply[number][]) as TrpoReply, counts: counted(replies) };
      },
      end: async () => {
        if (this.failure === null) await Promise.all(holders.map((w) => this.call(w, { kind: 'trpo-end' })));
        holders = [];
      },
    };
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
  // The jobs' CPU time on this thread, which the trainer's thread does not see.
  const cpuClock = threadCpuClock();
  let key = '';
  let runner: TaskRunner | null = null;
  const runnerFor = (config: MetaConfig): TaskRunner => {
    const k = JSON.stringify(config);
    if (runner === null || k !== key) {
      runner = new TaskRunner(config, policyLayout(config), defaultClock, 'auto', cpuClock);
      key = k;
    }
    return runner;
  };
  // The TRPO step's tasks this worker holds, and the meter their work is counted on.
  let trpoTasks: TrpoTask[] = [];
  const meter = new CostMeter(defaultClock);
  const counts = (work: () => void): TrpoCounts => {
    const before = { gradientEvaluations: meter.gradientEvaluations, hvps: meter.hvps };
    const cpu0 = cpuClock?.() ?? 0;
    work();
    const c = { gradientEvaluations: meter.gradientEvaluations - before.gradientEvaluations, hvps: meter.hvps - before.hvps };
    return cpuClock === null ? c : { ...c, cpuSeconds: (cpuClock() - cpu0) / 1000 };
  };
  const releaseTrpo = (): void => {
    for (const t of trpoTasks) t.release();
    trpoTasks = [];
  };
  const serve = (request: Request): Reply => {
    switch (request.kind) {
      case 'job': {
        const runner = runnerFor(request.config);
        const cpu0 = cpuClock?.() ?? 0;
        const outcome = runner.run(request.job);
        return { outcome: cpuClock === null ? outcome : { ...outcome, cost: { ...outcome.cost, cpuSeconds: (cpuClock() - cpu0) / 1000 } } };
      }
      case 'trpo-begin': {
        releaseTrpo();
        const programs = runnerFor(request.config).surrogatePrograms;
        const options = { ...request.point, layout: programs.layout, programs, meter };
        const c = counts(() => {
          trpoTasks = request.tasks.map((data) => new TrpoTask(data, options));
        });
        return { begun: { oldLosses: trpoTasks.map((t) => t.oldLoss), retainedFloats: trpoTasks.reduce((s, t) => s + t.retainedFloats, 0) }, counts: c };
      }
      case 'trpo-answer': {
        let reply: TrpoReply = [];
        const c = counts(() => {
          reply = answerLocally(trpoTasks, request.request);
        });
        return { reply, counts: c };
      }
      case 'trpo-end':
        releaseTrpo();
        return { ended: true };
    }
  };
  parentPort?.on('message', (request: Request) => {
    let reply: Reply;
    try {
      reply = serve(request);
    } catch (e) {
      reply = { error: (e as Error).message };
    }
    parentPort?.postMessage(reply);
  });
}
