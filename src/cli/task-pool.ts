// A meta-batch's task jobs on worker threads (Node only): each worker runs jobs of the config it
// is sent (its runner, and so its compiled programs, kept across iterations), and outcomes come
// back in job order, so a training run on N workers has the bits of a serial one. A TRPO step's
// tasks run there too: each worker holds a contiguous share of them for the step, and answers
// every product and line-search evaluation for its share; the main thread sums in task order.
// With `mainTakesJobs` the main thread is one of the threads running jobs (on the trainer's own
// runner, warm and with its programs compiled), and the only one until a worker has loaded the
// bundle (it says so): a first meta-batch does not wait for the workers' start, and one worker
// fewer starts, compiles and warms up. A held-out evaluation's per-task jobs (and its swap test's)
// run there the same way, on the same runners, and come back in job order.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { MetaConfig } from '../meta/config.js';
import { CostMeter, defaultClock } from '../meta/costs.js';
import type { SwapJob, SwapReturns } from '../meta/adaptation-eval.js';
import type { HeldOutHost } from '../meta/held-out-eval.js';
import { type HeldOutJob, type HeldOutOutcome, runHeldOutSwap, runHeldOutTask } from '../meta/held-out-task.js';
import { type TaskJob, type TaskOutcome, type TaskPool, TaskRunner, policyLayout } from '../meta/task-runner.js';
import { type TrpoCounts, type TrpoPoint, type TrpoReply, type TrpoRequest, type TrpoTaskHost, answerLocally } from '../meta/trpo.js';
import { TrpoTask, type TrpoTaskData } from '../meta/trpo-task.js';
import { WorkerPool } from '../workers/worker-pool.js';
import { threadCpuClock } from './run-measures.js';
import { threadPool } from './thread-pool.js';

type Request =
  | { kind: 'job'; config: MetaConfig; job: TaskJob }
  | { kind: 'held-out'; config: MetaConfig; job: HeldOutJob }
  | { kind: 'swap'; config: MetaConfig; job: SwapJob }
  | { kind: 'trpo-begin'; config: MetaConfig; point: TrpoPoint; tasks: readonly TrpoTaskData[] }
  | { kind: 'trpo-answer'; request: TrpoRequest }
  | { kind: 'trpo-end' };

type Reply =
  | { ready: true }
  | { outcome: TaskOutcome }
  | { heldOut: HeldOutOutcome }
  | { swap: SwapReturns }
  | { begun: { oldLosses: number[]; retainedFloats: number }; counts: TrpoCounts }
  | { reply: TrpoReply; counts: TrpoCounts }
  | { ended: true }
  | { error: string };

type Answer = Exclude<Reply, { error: string } | { ready: true }>;

export class WorkerTaskPool implements TaskPool {
  private readonly pool: WorkerPool<Request, Reply>;

  /** `size` worker threads; with `mainTakesJobs`, the main thread runs task jobs too (not TRPO's shares). */
  constructor(
    script: URL,
    size: number,
    private readonly mainTakesJobs = false,
  ) {
    this.pool = threadPool(script, size, {
      name: 'a task worker',
      workerData: { taskJobs: true },
      failure: (reply) => ('error' in reply ? new Error(reply.error) : null),
      isReady: (reply) => 'ready' in reply,
    });
  }

  /** Posts one request to worker `w` and resolves with its answer (a worker answers requests in order). */
  private call(w: number, request: Request): Promise<Answer> {
    return this.pool.request(w, request) as Promise<Answer>;
  }

  runTasks(config: MetaConfig, jobs: readonly TaskJob[], runHere?: (job: TaskJob) => TaskOutcome): Promise<TaskOutcome[]> {
    return this.pool.map(jobs, {
      request: (job) => ({ kind: 'job', config, job }),
      result: (reply) => (reply as { outcome: TaskOutcome }).outcome,
      runHere: this.mainTakesJobs ? runHere : undefined,
    });
  }

  heldOutHost(config: MetaConfig): HeldOutHost {
    return {
      tasks: (jobs, runHere) => this.pool.map(jobs, { request: (job) => ({ kind: 'held-out', config, job }), result: (reply) => (reply as { heldOut: HeldOutOutcome }).heldOut, runHere: this.mainTakesJobs ? runHere : undefined }),
      swaps: (jobs, runHere) => this.pool.map(jobs, { request: (job) => ({ kind: 'swap', config, job }), result: (reply) => (reply as { swap: SwapReturns }).swap, runHere: this.mainTakesJobs ? runHere : undefined }),
    };
  }

  trpoHost(config: MetaConfig): TrpoTaskHost {
    let holders: number[] = [];
    const counted = (replies: readonly { counts: TrpoCounts }[]): TrpoCounts => ({
      gradientEvaluations: replies.reduce((s, r) => s + r.counts.gradientEvaluations, 0),
      hvps: replies.reduce((s, r) => s + r.counts.hvps, 0),
      cpuSeconds: replies.reduce((s, r) => s + (r.counts.cpuSeconds ?? 0), 0),
    });
    return {
      begin: async (point, tasks) => {
        // Contiguous shares, so that concatenating the replies keeps task order.
        const W = Math.min(this.pool.size, tasks.length);
        holders = Array.from({ length: W }, (_, w) => w);
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
        // After a failure the step rejects with it; this cleanup must not replace it.
        if (this.pool.failed === null) await Promise.all(holders.map((w) => this.call(w, { kind: 'trpo-end' })));
        holders = [];
      },
    };
  }

  close(): Promise<void> {
    return this.pool.close();
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
      case 'held-out':
        return { heldOut: runHeldOutTask(runnerFor(request.config), request.job) };
      case 'swap':
        return { swap: runHeldOutSwap(runnerFor(request.config), request.job) };
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
  parentPort?.postMessage({ ready: true } satisfies Reply);
}
