import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/meta/config.js';
import type { TaskPool } from '../../src/meta/task-runner.js';
import { TaskRunner, policyLayout } from '../../src/meta/task-runner.js';
import { MetaTrainer } from '../../src/meta/trainer.js';

const CONFIG = resolveConfig({ env: 'cartpole', algo: 'maml', iterations: 3, metaBatchSize: 2, episodesPerTask: 2, numEnvs: 2, evalTasks: 2, evalEpisodes: 2, hidden: [8], seed: 5 });

/** A CPU clock that moves 7 ms at each reading: the trainer reads it once before and once after an iteration's training work. */
function steppingClock(): () => number {
  let t = 0;
  return () => (t += 7);
}

describe('CPU time and memory in the log', () => {
  it('logs none without a CPU clock or a memory probe (the library default)', () => {
    const entry = new MetaTrainer(CONFIG, { clock: () => 0 }).step();
    expect(['cpuSeconds' in entry, 'cpuSeconds' in entry.totals, 'isolateMemoryBytes' in entry]).toEqual([false, false, false]);
  });

  it('logs the thread\'s CPU time of each iteration, its running total and the memory probe\'s reading', () => {
    const t = new MetaTrainer(CONFIG, { clock: () => 0, cpuClock: steppingClock(), memoryProbe: () => 1234 });
    const [a, b] = [t.step(), t.step()];
    expect([a.cpuSeconds, a.totals.cpuSeconds, b.cpuSeconds, b.totals.cpuSeconds]).toEqual([0.007, 0.007, 0.007, 0.014]);
    expect([a.isolateMemoryBytes, b.isolateMemoryBytes]).toEqual([1234, 1234]);
  });

  it('adds the CPU time tasks report from other threads (a worker pool) to the trainer thread\'s own', async () => {
    const runner = new TaskRunner(CONFIG, policyLayout(CONFIG), () => 0);
    // As a worker does: each task's job measured on its own thread, 0.25 s here.
    const pool: TaskPool = { runTasks: async (_config, jobs) => jobs.map((job) => { const o = runner.run(job); return { ...o, cost: { ...o.cost, cpuSeconds: 0.25 } }; }) };
    const t = new MetaTrainer(CONFIG, { clock: () => 0, cpuClock: steppingClock() });
    const entry = await t.stepOn(pool);
    expect(entry.cpuSeconds).toBe(0.007 + 2 * 0.25);
  });

  it('keeps the CPU total across a checkpoint, and leaves it out after one written without a CPU clock', () => {
    const t = new MetaTrainer(CONFIG, { clock: () => 0, cpuClock: steppingClock() });
    t.step();
    const resumed = MetaTrainer.restore(t.snapshot(), { clock: () => 0, cpuClock: steppingClock() });
    expect(resumed.step().totals.cpuSeconds).toBe(0.014);
    const plain = new MetaTrainer(CONFIG, { clock: () => 0 });
    plain.step();
    const later = MetaTrainer.restore(plain.snapshot(), { clock: () => 0, cpuClock: steppingClock() });
    const entry = later.step();
    expect([entry.cpuSeconds, 'cpuSeconds' in entry.totals]).toEqual([0.007, false]);
  });

  it('does not change the training: the same returns and losses with and without the measures', () => {
    const strip = (e: object): string => JSON.stringify(e, (k, v: unknown) => (/cpu|memory/i.test(k) ? undefined : v));
    const plain = new MetaTrainer(CONFIG, { clock: () => 0 });
    const measured = new MetaTrainer(CONFIG, { clock: () => 0, cpuClock: steppingClock(), memoryProbe: () => 1 });
    expect(strip(measured.step())).toBe(strip(plain.step()));
  });
});
