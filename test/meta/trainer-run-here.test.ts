import { describe, expect, it } from 'vitest';
import { type AlgorithmName, resolveConfig } from '../../src/meta/config.js';
import { type TaskJob, type TaskOutcome, type TaskPool, TaskRunner, policyLayout } from '../../src/meta/task-runner.js';
import { MetaTrainer } from '../../src/meta/trainer.js';

const SMALL = { env: 'cartpole-goal', seed: 7, metaBatchSize: 4, episodesPerTask: 2, numEnvs: 2, innerSteps: 1, innerLr: 0.5, hidden: [8], outerLr: 0.05 };

/**
 * As the CLI's pool deals a meta-batch while a worker is starting: the jobs `here` picks run on
 * the trainer's own runner (runHere), the others on a runner of their own, as a worker's.
 */
function splitPool(here: (taskIndex: number, iterationIndex: number) => boolean): TaskPool & { ranHere: number } {
  let worker: TaskRunner | null = null;
  const pool = {
    ranHere: 0,
    runTasks: (config: Parameters<TaskPool['runTasks']>[0], jobs: readonly TaskJob[], runHere?: (job: TaskJob) => TaskOutcome) => {
      worker ??= new TaskRunner(config, policyLayout(config), () => 0, 'auto');
      const w = worker;
      return Promise.resolve(jobs.map((job) => {
        if (runHere === undefined || !here(job.taskIndex, job.iterationIndex)) return w.run(job);
        pool.ranHere++;
        return runHere(job);
      }));
    },
  };
  return pool;
}

describe('stepOn with jobs run on the trainer runner (runHere) and on a worker runner', () => {
  it('logs, parameters and evaluation equal a serial run, bit for bit, wherever each job ran', async () => {
    const algos: AlgorithmName[] = ['maml', 'fomaml', 'metasgd', 'directed-maml'];
    for (const algo of algos) {
      const config = resolveConfig({ ...SMALL, algo });
      const serial = new MetaTrainer(config, { clock: () => 0 });
      const serialLogs = [serial.step(), serial.step(), serial.step()];
      // Iteration 1 all here (no worker ready), then alternating, then none here.
      const pool = splitPool((j, i) => i === 0 || (i === 1 && j % 2 === 0));
      const pooled = new MetaTrainer(config, { clock: () => 0 });
      const pooledLogs = [await pooled.stepOn(pool), await pooled.stepOn(pool), await pooled.stepOn(pool)];
      expect(pool.ranHere).toBe(6);
      expect(JSON.stringify(pooledLogs)).toBe(JSON.stringify(serialLogs));
      expect(Array.from(pooled.params)).toEqual(Array.from(serial.params));
      expect(JSON.stringify(pooled.evaluate({ adaptation: true }))).toBe(JSON.stringify(serial.evaluate({ adaptation: true })));
    }
  });
});
