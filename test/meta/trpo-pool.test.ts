import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerTaskPool } from '../../src/cli/task-pool.js';
import { type AlgorithmName, type MetaConfig, resolveConfig } from '../../src/meta/config.js';
import type { TaskPool } from '../../src/meta/task-runner.js';
import { type IterationLog, MetaTrainer } from '../../src/meta/trainer.js';
import type { TrpoTaskHost } from '../../src/meta/trpo.js';
import { buildCli } from '../helpers/cli-bundle.js';

const root = mkdtempSync(join(tmpdir(), 'metarl-trpo-pool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function config(algo: AlgorithmName, innerSteps: number): MetaConfig {
  return resolveConfig({ algo, seed: 5, metaBatchSize: 3, episodesPerTask: 4, numEnvs: 2, innerSteps, innerLr: 0.5, outerOptimizer: 'trpo', hidden: [8], evalTasks: 2, evalEpisodes: 2 });
}

/** The log without its wall-clock seconds (the workers' meters read real clocks). */
function withoutSeconds(log: IterationLog): unknown {
  const { seconds: _seconds, totals, ...rest } = log;
  const { seconds: _total, ...counts } = totals;
  return { ...rest, totals: counts };
}

/** The pool, with the requests its TRPO host answered counted. */
function counting(pool: WorkerTaskPool): { pool: TaskPool; answered: () => number } {
  let answered = 0;
  const wrapped: TaskPool = {
    runTasks: (c, jobs) => pool.runTasks(c, jobs),
    trpoHost: (c): TrpoTaskHost => {
      const host = pool.trpoHost(c);
      return { ...host, answer: (request) => (answered++, host.answer(request)) };
    },
  };
  return { pool: wrapped, answered: () => answered };
}

describe('the TRPO step on the worker pool', () => {
  it('gives the serial log bit for bit on 1, 2 and 3 workers, its products and line search answered there', async () => {
    const { url } = await buildCli(root);
    // Meta-SGD with K = 2 sums each task's alpha terms in order; three tasks split unevenly over two workers.
    const cases: [AlgorithmName, number][] = [['maml', 1], ['fomaml', 1], ['metasgd', 2], ['directed-maml', 2]];
    for (const [algo, K] of cases) {
      const serial = new MetaTrainer(config(algo, K));
      const expected = [serial.step(), serial.step()];
      for (const workers of [1, 2, 3]) {
        const workerPool = new WorkerTaskPool(url, workers);
        const { pool, answered } = counting(workerPool);
        try {
          const trainer = new MetaTrainer(config(algo, K));
          const logs = [await trainer.stepOn(pool), await trainer.stepOn(pool)];
          expect(logs.map(withoutSeconds), `${algo} on ${workers}`).toEqual(expected.map(withoutSeconds));
          expect(Array.from(trainer.params)).toEqual(Array.from(serial.params));
          // cgIterations + 1 products and the line search's candidates, each one request to the pool.
          const requests = logs.reduce((s, l) => s + (l.trpo?.cgIterations ?? 0) + 1 + (l.trpo?.lineSearchSteps ?? 0), 0);
          expect(answered(), `${algo} on ${workers}`).toBe(requests);
        } finally {
          await workerPool.close();
        }
      }
    }
  }, 120_000);
});
