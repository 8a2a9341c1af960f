import { describe, expect, it } from 'vitest';
import { type MetaConfig, resolveConfig, taskFamily } from '../../src/meta/config.js';
import { CostMeter } from '../../src/meta/costs.js';
import { directedStep } from '../../src/meta/directed.js';
import { cosine, meanGradients, mechanismLog } from '../../src/meta/mechanism.js';
import { STREAM, TaskStreams, seedSequence, streamRng } from '../../src/meta/sampling.js';
import { TaskRunner } from '../../src/meta/task-runner.js';
import { type IterationLog, MetaTrainer } from '../../src/meta/trainer.js';

const SMALL = { env: 'cartpole-goal', seed: 4, metaBatchSize: 2, episodesPerTask: 2, numEnvs: 2, innerSteps: 2, innerLr: 0.5, hidden: [8], outerOptimizer: 'sgd' as const, outerLr: 0.05 };

function withoutMechanism(log: IterationLog): IterationLog {
  const { mechanism: _, ...rest } = log;
  return rest;
}

/** The mean meta-gradient of iteration 1's tasks from `start`, computed as `algo`'s own training step computes it. */
function trainingGradient(config: MetaConfig, algo: 'directed-maml' | 'directed-fomaml', layout: MetaTrainer['layout'], start: Float64Array): Float64Array {
  const c = { ...config, algo };
  const runner = new TaskRunner(c, layout, () => 0, 'never');
  const tasks = taskFamily(c).sampleTasks(streamRng(c.seed, STREAM.tasks), c.metaBatchSize);
  return meanGradients(tasks.map((task, j) => {
    const g = runner.run({ iterationIndex: 0, taskIndex: j, task, start, alpha: null }).grad;
    return { exact: g, firstOrder: g };
  })).exact;
}

describe('the mechanism probe (directed.logMechanism)', () => {
  it('cosines and norms on a hand-computed case, null against a zero vector', () => {
    // g_d = (1, 0), g_MAML = (1, 1), g_FO = (1, 0): the second-order part is (0, 1), orthogonal to g_d;
    // FOMAML + g_d = (2, 0) and FOMAML alone both make 45 degrees with MAML.
    const log = mechanismLog(Float64Array.of(1, 0), { exact: Float64Array.of(1, 1), firstOrder: Float64Array.of(1, 0) });
    expect(log).toEqual({ cosHessianTerm: 0, cosCombined: expect.closeTo(Math.SQRT1_2, 15), cosFirstOrder: expect.closeTo(Math.SQRT1_2, 15), normDirected: 1, normFirstOrder: 1, normHessianTerm: 1 });
    // g_d along the second-order part: cos 1, and FOMAML + g_d = (1, 1) is MAML itself.
    const aligned = mechanismLog(Float64Array.of(0, 2), { exact: Float64Array.of(1, 1), firstOrder: Float64Array.of(1, -1) });
    expect(aligned.cosHessianTerm).toBe(1);
    expect(aligned.cosCombined).toBeCloseTo(1, 15);
    expect(aligned.cosFirstOrder).toBe(0);
    expect(aligned.normHessianTerm).toBe(2);
    expect(cosine(Float64Array.of(0, 0), Float64Array.of(1, 0))).toBe(null);
    expect(cosine(Float64Array.of(3, 4), Float64Array.of(-6, -8))).toBe(-1);
  });

  it('leaves training bit-identical and logs the directed gradient against MAML and FOMAML on the same batches', () => {
    for (const algo of ['directed-fomaml', 'directed-maml'] as const) {
      const off = new MetaTrainer(resolveConfig({ ...SMALL, algo }), { clock: () => 0 });
      const config = resolveConfig({ ...SMALL, algo, directed: { logMechanism: true } });
      const on = new MetaTrainer(config, { clock: () => 0 });
      const theta0 = Float64Array.from(on.params);
      const a = off.step();
      const b = on.step();
      expect(a.mechanism).toBe(undefined);
      expect(withoutMechanism(b)).toEqual(a); // counts included: the probe's work is not training's
      expect(Array.from(on.params)).toEqual(Array.from(off.params));

      // The reference: the directed gradient of the medium task, and the mean meta-gradients of
      // iteration 1's tasks as Directed-MAML and Directed-FOMAML themselves train on them.
      const meter = new CostMeter();
      const sampler = new TaskRunner(config, on.layout, () => 0, 'never').sampler(taskFamily(config).mediumTask(), new TaskStreams(seedSequence(config.seed, STREAM.directed, 0)));
      const step = directedStep(on.layout, theta0, config.innerLr, sampler, config.episodesPerTask, meter);
      const exact = trainingGradient(config, 'directed-maml', on.layout, step.theta);
      const firstOrder = trainingGradient(config, 'directed-fomaml', on.layout, step.theta);
      const expected = mechanismLog(step.grad, { exact, firstOrder });
      const got = b.mechanism;
      if (got === undefined) throw new Error('no mechanism logged');
      for (const key of Object.keys(expected) as (keyof typeof expected)[]) expect(got[key], `${algo} ${key}`).toBeCloseTo(expected[key] as number, 12);
      // MAML differs from FOMAML here: the second-order part is not zero.
      expect(got.normHessianTerm).toBeGreaterThan(1e-6 * got.normFirstOrder);
    }
  });

  it('logs nothing on an iteration whose directed step did not run, and nothing for a base algorithm', () => {
    const scheduled = new MetaTrainer(resolveConfig({ ...SMALL, algo: 'directed-fomaml', innerSteps: 1, directed: { logMechanism: true, schedule: 'every-nth', scheduleN: 2 } }));
    expect([scheduled.step().mechanism === undefined, scheduled.step().mechanism === undefined]).toEqual([true, false]);
    expect(new MetaTrainer(resolveConfig({ ...SMALL, algo: 'fomaml', innerSteps: 1, directed: { logMechanism: true } })).step().mechanism).toBe(undefined);
  });
});
