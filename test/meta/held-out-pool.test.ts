import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerTaskPool } from '../../src/cli/task-pool.js';
import { type AlgorithmName, type MetaConfig, resolveConfig } from '../../src/meta/config.js';
import type { HeldOutHost } from '../../src/meta/held-out-eval.js';
import type { TaskPool } from '../../src/meta/task-runner.js';
import { MetaTrainer } from '../../src/meta/trainer.js';
import { buildCli } from '../helpers/cli-bundle.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-held-out-pool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Five held-out tasks over up to three threads: uneven shares; K = 2 and S = 3 steps, the swap test's pairs wrap around.
function config(env: string, algo: AlgorithmName): MetaConfig {
  return resolveConfig({ env, algo, seed: 4, metaBatchSize: 2, episodesPerTask: 2, numEnvs: 2, innerSteps: 2, innerLr: 0.3, hidden: [8], evalTasks: 5, evalEpisodes: 3, evalEvery: 1, evalAdaptation: true });
}

/** The pool, with the held-out jobs it ran and where (main: this thread, through runHere) counted. */
function counting(pool: WorkerTaskPool): { pool: TaskPool; ran: { tasks: number; swaps: number; here: number } } {
  const ran = { tasks: 0, swaps: 0, here: 0 };
  const here = <J, R>(runHere: ((job: J) => R) | undefined) => (runHere === undefined ? undefined : (job: J) => (ran.here++, runHere(job)));
  const wrapped: TaskPool = {
    runTasks: (c, jobs, runHere) => pool.runTasks(c, jobs, runHere),
    heldOutHost: (c): HeldOutHost => {
      const host = pool.heldOutHost(c);
      return {
        tasks: (jobs, runHere) => ((ran.tasks += jobs.length), host.tasks(jobs, here(runHere))),
        swaps: (jobs, runHere) => ((ran.swaps += jobs.length), host.swaps(jobs, here(runHere))),
      };
    },
  };
  return { pool: wrapped, ran };
}

describe('the held-out evaluation on the worker pool', () => {
  it('gives evaluate()\'s result bit for bit on 1 to 3 workers, with and without the main thread taking jobs, outcomes and swap test included', async () => {
    const { url } = await buildCli(root);
    // Cartpole reports no outcomes (its scores replay a vector env), the intersection does; Meta-SGD sends alpha_vec.
    const cases: [string, AlgorithmName][] = [['cartpole', 'maml'], ['intersection', 'metasgd']];
    for (const [env, algo] of cases) {
      const trainer = new MetaTrainer(config(env, algo), { clock: () => 0 });
      trainer.step();
      const expected = trainer.evaluate({ adaptation: true });
      expect(expected.outcomes === undefined, env).toBe(env === 'cartpole');
      for (const [workers, mainTakesJobs] of [[1, false], [2, false], [3, false], [1, true]] as const) {
        const workerPool = new WorkerTaskPool(url, workers, mainTakesJobs);
        const { pool, ran } = counting(workerPool);
        try {
          const label = `${env} on ${workers} workers${mainTakesJobs ? ' and the main thread' : ''}`;
          expect(await trainer.evaluateOn(pool, { adaptation: true }), label).toEqual(expected);
          expect(await trainer.evaluateOn(pool), label).toEqual(trainer.evaluate());
          // Five task jobs and five swap jobs, then five task jobs without the adaptation evaluation (no swaps).
          expect(ran.tasks, label).toBe(10);
          expect(ran.swaps, label).toBe(5);
          if (!mainTakesJobs) expect(ran.here, label).toBe(0);
        } finally {
          await workerPool.close();
        }
      }
    }
  }, 180_000);

  it('logs the periodic evaluation of stepOn as step() does', async () => {
    const { url } = await buildCli(root);
    const serial = new MetaTrainer(config('intersection', 'maml'), { clock: () => 0 });
    const expected = [serial.step(), serial.step()].map((l) => l.heldOut);
    const workerPool = new WorkerTaskPool(url, 2);
    const { pool, ran } = counting(workerPool);
    try {
      const trainer = new MetaTrainer(config('intersection', 'maml'), { clock: () => 0 });
      const logs = [await trainer.stepOn(pool), await trainer.stepOn(pool)];
      expect(logs.map((l) => l.heldOut)).toEqual(expected);
      expect(expected[1]?.adaptation?.swap?.steps).toBe(2);
      expect([ran.tasks, ran.swaps]).toEqual([10, 10]);
    } finally {
      await workerPool.close();
    }
  }, 120_000);
});
