import { describe, expect, it, vi } from 'vitest';
import { type AlgorithmName, type MetaConfig, resolveConfig } from '../../src/meta/config.js';
import { type TaskJob, type TaskPool, TaskRunner, policyLayout } from '../../src/meta/task-runner.js';
import { type IterationLog, MetaTrainer } from '../../src/meta/trainer.js';

// A CPU clock that only the mechanism probe moves, by PROBE_MS per task: training's own CPU time
// reads as zero, so whatever the probe would add to cpuSeconds shows as itself.
const PROBE_MS = 250;
const cpu = vi.hoisted(() => ({ ms: 0 }));
vi.mock('../../src/meta/mechanism.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/meta/mechanism.js')>();
  return {
    ...original,
    mechanismGradients: (...args: Parameters<typeof original.mechanismGradients>) => {
      const r = original.mechanismGradients(...args);
      cpu.ms += PROBE_MS;
      return r;
    },
  };
});

const SMALL = { env: 'cartpole-goal', seed: 4, metaBatchSize: 3, episodesPerTask: 2, numEnvs: 2, innerSteps: 1, innerLr: 0.5, hidden: [8], outerOptimizer: 'sgd' as const, outerLr: 0.05 };

function run(algo: AlgorithmName, logMechanism: boolean, iterations: number): IterationLog[] {
  const trainer = new MetaTrainer(resolveConfig({ ...SMALL, algo, directed: { logMechanism } }), { clock: () => 0, cpuClock: () => cpu.ms });
  return Array.from({ length: iterations }, () => trainer.step());
}

/** As the CLI's worker pool reports jobs: each with its thread's CPU time (the probe's included), the trainer's own thread idle. */
const workerPool: TaskPool = {
  runTasks: (config: MetaConfig, jobs: readonly TaskJob[]) => {
    const runner = new TaskRunner(config, policyLayout(config), () => 0, 'auto', () => cpu.ms);
    return Promise.resolve(jobs.map((job) => {
      const cpu0 = cpu.ms;
      const outcome = runner.run(job);
      return { ...outcome, cost: { ...outcome.cost, cpuSeconds: (cpu.ms - cpu0) / 1000 + 0.125 } };
    }));
  },
};

async function runOnPool(algo: AlgorithmName, logMechanism: boolean): Promise<IterationLog> {
  return new MetaTrainer(resolveConfig({ ...SMALL, algo, directed: { logMechanism } }), { clock: () => 0, cpuClock: () => 0 }).stepOn(workerPool);
}

describe('the mechanism probe is not charged to the run', () => {
  it('logs its CPU time apart and leaves cpuSeconds, the counts and every other field as without it', () => {
    for (const algo of ['directed-maml', 'directed-fomaml'] as const) {
      const off = run(algo, false, 2);
      const on = run(algo, true, 2);
      expect(off.map((l) => [l.cpuSeconds, l.totals.cpuSeconds, l.mechanismCpuSeconds])).toEqual([[0, 0, undefined], [0, 0, undefined]]);
      // Three tasks, each probed once per iteration.
      expect(on.map((l) => [l.cpuSeconds, l.totals.cpuSeconds, l.mechanismCpuSeconds])).toEqual([[0, 0, 0.75], [0, 0, 0.75]]);
      const stripped = on.map(({ mechanism: _m, mechanismCpuSeconds: _c, ...rest }) => rest);
      expect(JSON.stringify(stripped)).toBe(JSON.stringify(off));
    }
  });

  it('takes the probe out of the CPU time that task workers report', async () => {
    const off = await runOnPool('directed-maml', false);
    const on = await runOnPool('directed-maml', true);
    // Each of the three jobs reports 0.125 s of training; with the probe, 0.25 s more each.
    expect([off.cpuSeconds, off.mechanismCpuSeconds]).toEqual([0.375, undefined]);
    expect([on.cpuSeconds, on.mechanismCpuSeconds]).toEqual([0.375, 0.75]);
    const { mechanism: _m, mechanismCpuSeconds: _c, ...rest } = on;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(off));
  });
});
