import { describe, expect, it } from 'vitest';
import { VectorEnv } from '../../src/envs/vector-env.js';
import { LinearFeatureBaseline } from '../../src/nn/baseline.js';
import { initMlp } from '../../src/nn/init.js';
import { mlpLayout } from '../../src/nn/mlp.js';
import { PCG64 } from '../../src/rng/index.js';
import { computeAdvantages, toPolicyBatch } from '../../src/rl/batch.js';
import { reinforceGradient } from '../../src/rl/policy-gradient.js';
import { sampledActor } from '../../src/rl/policy.js';
import { rollout } from '../../src/rl/rollout.js';
import { type MetaConfig, resolveConfig, taskFamily } from '../../src/meta/config.js';
import { CostMeter } from '../../src/meta/costs.js';
import { directedPhase, directedRate, directedStep, estimateMediumTask, isScheduled } from '../../src/meta/directed.js';
import { STREAM, TaskSampler, TaskStreams, seedSequence } from '../../src/meta/sampling.js';
import { MetaTrainer } from '../../src/meta/trainer.js';

function fakeClock(): () => number {
  let t = 0;
  return () => (t += 1);
}

const ADV = { gamma: 0.99, gaeLambda: 1, normalizeAdvantages: true };

/**
 * The medium-task gradient recomputed independently with the rl module: same env and streams
 * (env seed from stream [.., 0], actions from stream [.., 1]), rl's own sampledActor, a fresh
 * baseline, and rl's reinforceGradient.
 */
function independentGradient(config: MetaConfig, task: Record<string, number>, params: Float64Array, key: number[], episodes: number) {
  const family = taskFamily(config);
  const layout = mlpLayout([4, ...config.hidden, 2], config.activation);
  const [envSeq, actionSeq] = seedSequence(config.seed, ...key).spawn(2);
  const seed = new PCG64(envSeq).integers(0, 2 ** 31);
  const venv = new VectorEnv(Array.from({ length: config.numEnvs }, () => family.makeEnv(task)));
  const r = rollout(venv, sampledActor(layout, params, new PCG64(actionSeq)), { episodes, seed });
  const batch = toPolicyBatch(r, computeAdvantages(r, new LinearFeatureBaseline(4), ADV));
  return { ...reinforceGradient(layout, params, batch), batch, envSteps: r.steps };
}

describe('directed step', () => {
  it('moves theta by exactly -eta grad L_m(theta) on the medium task', () => {
    const config = resolveConfig({ hidden: [8], numEnvs: 3, directed: { eta: 0.7 } });
    const family = taskFamily(config);
    const layout = mlpLayout([4, 8, 2], 'tanh');
    const theta = initMlp(layout, new PCG64(12));
    const task = family.mediumTask();
    const key = [config.seed, STREAM.directed, 4];
    const sampler = new TaskSampler(family, task, new TaskStreams(seedSequence(config.seed, STREAM.directed, 4)), { layout, numEnvs: 3, ...ADV });
    const meter = new CostMeter();
    const before = Float64Array.from(theta);
    const step = directedStep(layout, theta, 0.7, sampler, 6, meter);
    expect(Array.from(theta)).toEqual(Array.from(before)); // the step returns a new point
    const ref = independentGradient(config, task, theta, key.slice(1), 6);
    expect(Array.from(step.batch.obs.data)).toEqual(Array.from(ref.batch.obs.data));
    expect(Array.from(step.batch.advantages.data)).toEqual(Array.from(ref.batch.advantages.data));
    expect(Array.from(step.grad)).toEqual(Array.from(ref.grad));
    expect(step.loss).toBe(ref.loss);
    expect(Array.from(step.theta)).toEqual(Array.from(theta, (t, i) => t - 0.7 * ref.grad[i]));
    expect(meter.envSteps).toBe(ref.envSteps);
    expect(meter.gradientEvaluations).toBe(1);
    // Meta-SGD's learned rate: an elementwise step.
    const alphaVec = Float64Array.from(theta, (_, i) => 0.1 + 0.01 * (i % 7));
    const sampler2 = new TaskSampler(family, task, new TaskStreams(seedSequence(config.seed, STREAM.directed, 4)), { layout, numEnvs: 3, ...ADV });
    const vec = directedStep(layout, theta, alphaVec, sampler2, 6, new CostMeter());
    expect(Array.from(vec.theta)).toEqual(Array.from(theta, (t, i) => t - alphaVec[i] * ref.grad[i]));
  });

  it('estimates the medium task by center, batch mean or the fixed task', () => {
    const family = taskFamily(resolveConfig({}));
    const tasks = [
      { length: 0.3, masspole: 0.1, forceMag: 6 },
      { length: 0.9, masspole: 0.3, forceMag: 14 },
    ];
    expect(estimateMediumTask({ estimator: 'center', fixedTask: null }, family, tasks)).toEqual({ length: 0.625, masspole: 0.275, forceMag: 10 });
    expect(estimateMediumTask({ estimator: 'batch-mean', fixedTask: null }, family, tasks)).toEqual({ length: 0.6, masspole: 0.2, forceMag: 10 });
    const fixed = { forceMag: 7, length: 0.4, masspole: 0.15 };
    expect(estimateMediumTask({ estimator: 'fixed', fixedTask: fixed }, family, tasks)).toEqual({ length: 0.4, masspole: 0.15, forceMag: 7 });
  });

  it('follows the schedule', () => {
    const at = (schedule: 'every' | 'every-nth' | 'first-n', scheduleN: number) =>
      [1, 2, 3, 4, 5, 6].filter((i) => isScheduled({ schedule, scheduleN }, i));
    expect(at('every', 3)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(at('every-nth', 3)).toEqual([3, 6]);
    expect(at('first-n', 2)).toEqual([1, 2]);
  });

  it('uses eta (default alpha) or, for Meta-SGD when asked, the learned alpha_vec', () => {
    const alphaVec = new Float64Array(3).fill(0.2);
    expect(directedRate(resolveConfig({ innerLr: 0.3 }), null)).toBe(0.3);
    expect(directedRate(resolveConfig({ innerLr: 0.3, directed: { eta: 0.05 } }), null)).toBe(0.05);
    expect(directedRate(resolveConfig({ algo: 'directed-metasgd', directed: { metaSgdRate: 'scalar' } }), alphaVec)).toBe(0.1);
    expect(directedRate(resolveConfig({ algo: 'directed-metasgd', directed: { metaSgdRate: 'learned' } }), alphaVec)).toBe(alphaVec);
  });

  it('permanent mode moves theta to the directed point; lookahead leaves it and only moves the start', () => {
    const layout = mlpLayout([4, 8, 2], 'tanh');
    const theta0 = initMlp(layout, new PCG64(1));
    const family = taskFamily(resolveConfig({}));
    for (const mode of ['permanent', 'lookahead'] as const) {
      const theta = Float64Array.from(theta0);
      const meter = new CostMeter(fakeClock());
      const phase = directedPhase({
        config: { ...resolveConfig({}).directed, mode },
        iteration: 1,
        layout,
        theta,
        rate: 0.1,
        tasks: [],
        family,
        samplerFor: (task) => new TaskSampler(family, task, new TaskStreams(seedSequence(0, 3, 0)), { layout, numEnvs: 2, ...ADV }),
        episodes: 2,
        meter,
      });
      const step = phase.step as NonNullable<typeof phase.step>;
      const directed = step.theta;
      // Its rollouts and gradient are counted, and all its time is charged to 'directed'.
      expect(meter.envSteps).toBe(step.envSteps);
      expect(meter.gradientEvaluations).toBe(1);
      expect(meter.seconds.directed).toBeGreaterThan(0);
      expect(meter.seconds.sampling + meter.seconds.gradients).toBe(0);
      expect(phase.applied).toBe(true);
      expect(Array.from(phase.start)).toEqual(Array.from(directed));
      // The new meta-parameters are returned; the argument is never written.
      expect(Array.from(phase.theta)).toEqual(Array.from(mode === 'permanent' ? directed : theta0));
      expect(Array.from(theta)).toEqual(Array.from(theta0));
    }
  });
});

describe('directed algorithms in the trainer', () => {
  const base = { seed: 5, metaBatchSize: 2, episodesPerTask: 3, numEnvs: 3, innerSteps: 1, innerLr: 0.5, hidden: [8], outerOptimizer: 'sgd' as const, outerLr: 0.05 };

  it('a directed algorithm whose step never runs is the base algorithm', () => {
    for (const algo of ['maml', 'fomaml', 'metasgd'] as const) {
      const plain = new MetaTrainer(resolveConfig({ ...base, algo }));
      const directed = new MetaTrainer(resolveConfig({ ...base, algo: `directed-${algo}` as const, directed: { schedule: 'every-nth', scheduleN: 100 } }));
      for (let i = 0; i < 2; i++) {
        const a = plain.step();
        const b = directed.step();
        expect(b.returnAfter).toBe(a.returnAfter);
        expect(b.lossAfter).toBe(a.lossAfter);
        expect(b.counts).toEqual(a.counts);
      }
      expect(Array.from(directed.params)).toEqual(Array.from(plain.params));
    }
  });

  it('permanent and lookahead share the inner loops and differ by exactly the directed step in theta', () => {
    const config = (mode: 'permanent' | 'lookahead') => resolveConfig({ ...base, algo: 'directed-fomaml', directed: { mode, eta: 0.3 } });
    const perm = new MetaTrainer(config('permanent'));
    const look = new MetaTrainer(config('lookahead'));
    const theta0 = Float64Array.from(perm.params);
    const lp = perm.step();
    const ll = look.step();
    // Same start point of the inner loops: same data and meta-gradient.
    expect(ll.returnAfter).toBe(lp.returnAfter);
    expect(ll.lossBefore).toBe(lp.lossBefore);
    expect(ll.counts).toEqual(lp.counts);
    // Medium task gradient recomputed independently (iteration 0's directed streams, center task).
    const c = config('permanent');
    const ref = independentGradient(c, taskFamily(c).mediumTask(), theta0, [STREAM.directed, 0], c.episodesPerTask);
    const g = ref.grad;
    // SGD outer step: perm = theta_d - lr G, look = theta - lr G, so perm - look = -eta g.
    for (let i = 0; i < g.length; i++) expect(perm.params[i] - look.params[i]).toBeCloseTo(-0.3 * g[i], 14);
    // The directed step's gradient is counted: 2 tasks x (1 inner + 1 validation) + 1.
    expect(lp.counts.gradientEvaluations).toBe(5);
    // ... and its rollouts: the same task batches plus the medium-task batch, so more than a plain run's.
    expect(lp.counts.envSteps).toBeGreaterThan(ref.envSteps);
  });
});
