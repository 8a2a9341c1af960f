import { describe, expect, it } from 'vitest';
import { type PortListeners, type WorkerPort, WorkerPool } from '../../src/workers/worker-pool.js';

type Reply = { value: number } | { error: string; interrupted?: true } | { ready: true };

class InterruptedError extends Error {}

/** A worker the test answers by hand: it records what it was sent and whether it was ended. */
class ScriptedWorker implements WorkerPort<number, Reply> {
  readonly posted: number[] = [];
  terminated = false;
  private listeners: PortListeners<Reply> | null = null;

  post(request: number): void {
    this.posted.push(request);
  }

  listen(listeners: PortListeners<Reply>): void {
    this.listeners = listeners;
  }

  terminate(): Promise<void> {
    this.terminated = true;
    return Promise.resolve();
  }

  answer(reply: Reply): void {
    this.listeners?.message(reply);
  }

  exit(code: number): void {
    this.listeners?.exit(code);
  }

  throw(message: string): void {
    this.listeners?.error(new Error(message));
  }
}

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function pool(size: number, events: string[] = [], readiness = false): { workers: ScriptedWorker[]; pool: WorkerPool<number, Reply> } {
  const workers = Array.from({ length: size }, () => new ScriptedWorker());
  const failure = (reply: Reply): Error | null => ('error' in reply ? (reply.interrupted ? new InterruptedError(reply.error) : new Error(reply.error)) : null);
  const drained = async (): Promise<void> => {
    await settle();
    events.push('drained');
  };
  const isReady = readiness ? (reply: Reply) => 'ready' in reply : undefined;
  return { workers, pool: new WorkerPool(workers, { name: 'a test worker', failure, drained, isReady, turn: settle }) };
}

/** Runs jobs 10, 20, ... through `map`, each job's request its own value and each result its reply's value. */
function mapJobs(p: WorkerPool<number, Reply>, count: number, events: string[]): Promise<number[]> {
  const jobs = Array.from({ length: count }, (_, i) => 10 * (i + 1));
  const run = p.map(jobs, {
    request: (job) => job,
    result: (reply) => (reply as { value: number }).value,
    onDone: (index, result) => events.push(`done ${index}: ${result}`),
    letFinish: (e) => e instanceof InterruptedError,
  });
  run.then(
    () => events.push('resolved'),
    (e: Error) => events.push(`rejected: ${e.message}`),
  );
  return run;
}

describe('WorkerPool.map', () => {
  it('gives results in job order whatever order the workers finish in, each free worker taking the next job', async () => {
    const events: string[] = [];
    const { workers, pool: p } = pool(2, events);
    const run = mapJobs(p, 4, events);
    await settle();
    expect(workers.map((w) => w.posted)).toEqual([[10], [20]]);
    workers[1].answer({ value: 21 });
    await settle();
    expect(workers[1].posted).toEqual([20, 30]);
    workers[0].answer({ value: 11 });
    await settle();
    expect(workers.map((w) => w.posted)).toEqual([[10, 40], [20, 30]]);
    workers[0].answer({ value: 41 });
    await settle();
    workers[1].answer({ value: 31 });
    expect(await run).toEqual([11, 21, 31, 41]);
    expect(events).toEqual(['done 1: 21', 'done 0: 11', 'done 3: 41', 'done 2: 31', 'resolved']);
    expect(workers.map((w) => w.terminated)).toEqual([false, false]);
  });

  it('stops at the first failure a worker sends back: every worker ended, no further job posted, rejected after the workers drained', async () => {
    const events: string[] = [];
    const { workers, pool: p } = pool(2, events);
    const run = mapJobs(p, 5, events);
    await settle();
    workers[0].answer({ value: 11 });
    await settle();
    workers[1].answer({ error: 'no space left' });
    await expect(run).rejects.toThrow('no space left');
    expect(events).toEqual(['done 0: 11', 'drained', 'rejected: no space left']);
    expect(workers.map((w) => w.posted)).toEqual([[10, 30], [20]]);
    expect(workers.map((w) => w.terminated)).toEqual([true, true]);
    // The job still under way on worker 0 is answered into an ended pool: nothing changes.
    workers[0].answer({ value: 31 });
    await settle();
    expect(events).toHaveLength(3);
  });

  it.each([
    ['exits', (w: ScriptedWorker) => w.exit(3), 'a test worker exited with code 3'],
    ['throws', (w: ScriptedWorker) => w.throw('out of cheese'), 'a test worker failed: out of cheese'],
  ])('fails with one error when a busy worker %s, instead of waiting for its reply', async (_, end, message) => {
    const events: string[] = [];
    const { workers, pool: p } = pool(2, events);
    const run = mapJobs(p, 3, events);
    await settle();
    end(workers[1]);
    await expect(run).rejects.toThrow(message);
    expect(events).toEqual(['drained', `rejected: ${message}`]);
    expect(p.failed?.message).toBe(message);
    await expect(p.request(0, 99)).rejects.toThrow(message);
    expect(workers[0].posted).toEqual([10]);
  });

  it('lets the jobs under way finish after an interruption, then rejects with it, posting no further job', async () => {
    const events: string[] = [];
    const { workers, pool: p } = pool(3, events);
    const run = mapJobs(p, 6, events);
    await settle();
    workers[1].answer({ error: 'interrupted at iteration 4', interrupted: true });
    await settle();
    expect(events).toEqual([]);
    expect(workers.map((w) => w.terminated)).toEqual([false, false, false]);
    // A second interruption does not replace the first; a run that ended just then is not counted.
    workers[2].answer({ error: 'interrupted at iteration 7', interrupted: true });
    await settle();
    expect(events).toEqual([]);
    workers[0].answer({ value: 11 });
    await expect(run).rejects.toThrow('interrupted at iteration 4');
    expect(events).toEqual(['drained', 'rejected: interrupted at iteration 4']);
    expect(workers.map((w) => w.posted)).toEqual([[10], [20], [30]]);
    expect(workers.map((w) => w.terminated)).toEqual([true, true, true]);
  });

  it('resolves at once with no jobs and leaves idle workers alone', async () => {
    const { workers, pool: p } = pool(2);
    expect(await p.map([], { request: (j: number) => j, result: () => 0 })).toEqual([]);
    expect(workers.map((w) => [w.posted, w.terminated])).toEqual([[[], false], [[], false]]);
  });
});

describe('WorkerPool.map with runHere: this thread is one more worker, the only one while the workers start', () => {
  const options = (ran: number[]) => ({
    request: (job: number) => job,
    result: (reply: Reply) => (reply as { value: number }).value,
    runHere: (job: number) => {
      ran.push(job);
      return job + 2;
    },
  });

  it('deals jobs to a worker once it said it is ready, this thread taking the others, results in job order', async () => {
    const ran: number[] = [];
    const { workers, pool: p } = pool(2, [], true);
    const run = p.map([10, 20, 30, 40, 50], options(ran));
    // This thread ran a job at once; nothing is posted to a worker that has not said it is ready.
    expect(ran).toEqual([10]);
    expect(workers.map((w) => w.posted)).toEqual([[], []]);
    workers[1].answer({ ready: true });
    await settle();
    expect(workers.map((w) => w.posted)).toEqual([[], [20]]);
    expect(ran).toEqual([10, 30]);
    workers[0].answer({ ready: true });
    await settle();
    expect(workers.map((w) => w.posted)).toEqual([[40], [20]]);
    expect(ran).toEqual([10, 30, 50]);
    workers[0].answer({ value: 41 });
    workers[1].answer({ value: 21 });
    expect(await run).toEqual([12, 21, 32, 41, 52]);
  });

  it('resolves when this thread ran every job while the workers were starting, posting them none', async () => {
    const ran: number[] = [];
    const { workers, pool: p } = pool(2, [], true);
    expect(await p.map([10, 20, 30], options(ran))).toEqual([12, 22, 32]);
    expect(ran).toEqual([10, 20, 30]);
    expect(workers.map((w) => w.posted)).toEqual([[], []]);
  });

  it('fails once a starting worker exited: its feeder meets the failure, this thread takes no further job', async () => {
    const ran: number[] = [];
    const { workers, pool: p } = pool(1, [], true);
    const run = p.map([10, 20, 30], options(ran));
    workers[0].exit(5);
    await expect(run).rejects.toThrow('a test worker exited with code 5');
    expect(ran).toEqual([10]);
    expect(workers.map((w) => [w.posted, w.terminated])).toEqual([[[], true]]);
  });

  it('stops at a job that throws here: every worker ended, no further job run or posted', async () => {
    const ran: number[] = [];
    const { workers, pool: p } = pool(1, [], true);
    const failing = { ...options(ran), runHere: (job: number) => {
      ran.push(job);
      if (job === 20) throw new Error('job 20 failed here');
      return job;
    } };
    await expect(p.map([10, 20, 30], failing)).rejects.toThrow('job 20 failed here');
    expect(ran).toEqual([10, 20]);
    expect(workers.map((w) => [w.posted, w.terminated])).toEqual([[[], true]]);
  });
});

describe('WorkerPool.request', () => {
  it("matches one worker's replies to its requests in the order they were posted", async () => {
    const { workers, pool: p } = pool(2);
    const a = p.request(0, 1);
    const b = p.request(0, 2);
    const c = p.request(1, 3);
    workers[1].answer({ value: 30 });
    workers[0].answer({ value: 10 });
    workers[0].answer({ error: 'bad request 2' });
    expect(await a).toEqual({ value: 10 });
    await expect(b).rejects.toThrow('bad request 2');
    expect(await c).toEqual({ value: 30 });
    // A failure a worker sends back fails its request only: the pool still answers.
    expect(p.failed).toBe(null);
    const d = p.request(0, 4);
    workers[0].answer({ value: 40 });
    expect(await d).toEqual({ value: 40 });
  });

  it('rejects what still waits when closed, and ignores the exits closing causes', async () => {
    const { workers, pool: p } = pool(2);
    const waiting = p.request(1, 7);
    await p.close();
    await expect(waiting).rejects.toThrow('a test worker was stopped');
    workers[1].exit(1);
    expect(p.failed).toBe(null);
    await expect(p.request(0, 8)).rejects.toThrow('a test worker was stopped');
    expect(workers.map((w) => [w.posted, w.terminated])).toEqual([[[], true], [[7], true]]);
  });
});
