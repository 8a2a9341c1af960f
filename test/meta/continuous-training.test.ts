import { describe, expect, it } from 'vitest';
import { boxSpace } from '../../src/envs/env.js';
import { LUNAR_LANDER_CONTINUOUS_FAMILY, LUNAR_LANDER_TASK_RANGES, lunarLanderContinuousTasks } from '../../src/envs/lunar-lander-tasks.js';
import { LunarLander } from '../../src/envs/lunar-lander.js';
import { getEnv } from '../../src/envs/registry.js';
import { resolveConfig } from '../../src/meta/config.js';
import { MetaTrainer } from '../../src/meta/trainer.js';
import { isGaussianLayout } from '../../src/nn/gaussian.js';
import { ReinforceTrainer } from '../../src/rl/reinforce-trainer.js';

describe('the lunarlander-continuous family', () => {
  it('is LunarLander with Box(2) actions over the ranges of lunarlander, whatever the options say', () => {
    const family = getEnv('lunarlander-continuous');
    expect(family.actionSpace).toEqual(boxSpace([-1, -1], [1, 1]));
    expect(family.observationSpace).toEqual(getEnv('lunarlander').observationSpace);
    expect(family.defaultRanges).toEqual(LUNAR_LANDER_TASK_RANGES);
    const tasks = lunarLanderContinuousTasks();
    const task = tasks.mediumTask();
    expect(task).toEqual({ gravity: (-11.5 - 6) / 2, mainEnginePower: 13, sideEnginePower: (0.4 + 0.8) / 2 });
    const env = LUNAR_LANDER_CONTINUOUS_FAMILY.make(task, { continuous: false });
    expect(env.actionSpace).toEqual(boxSpace([-1, -1], [1, 1]));
    // The same dynamics as a LunarLander built by hand with the task's parameters.
    const ref = new LunarLander({ continuous: true, ...task });
    const a = Float64Array.of(0.8, -0.7);
    expect(Array.from(env.reset({ seed: 3 }).obs)).toEqual(Array.from(ref.reset({ seed: 3 }).obs));
    for (let t = 0; t < 20; t++) expect(env.step(a).reward).toBe(ref.step(a).reward);
  });
});

const SMALL = { env: 'lunarlander-continuous', metaBatchSize: 2, episodesPerTask: 2, numEnvs: 2, evalTasks: 1, evalEpisodes: 2, hidden: [16, 16] };

describe('meta-training on lunarlander-continuous (the Gaussian head chosen by the Box action space)', () => {
  it('gives the seeded figures of two MAML iterations, and moves the learned log-std', () => {
    const trainer = new MetaTrainer(resolveConfig({ ...SMALL, algo: 'maml', seed: 0 }));
    const layout = trainer.layout;
    expect(isGaussianLayout(layout)).toBe(true);
    // [8, 16, 16, 2] means, then the log-std [2], starting at log 1.
    expect([layout.sizes, layout.size]).toEqual([[8, 16, 16, 2], 144 + 272 + 34 + 2]);
    expect(Array.from(trainer.params.subarray(-2))).toEqual([0, 0]);
    const logs = [trainer.step(), trainer.step()];
    expect(logs.map((l) => [l.returnBefore, l.returnAfter])).toEqual(SEEDED.returns);
    expect(logs.map((l) => l.counts)).toEqual(SEEDED.counts);
    expect(Array.from(trainer.params.subarray(-2))).toEqual(SEEDED.logStd);
    expect(trainer.evaluate().returns).toEqual(SEEDED.evaluation);
  });

  it('refuses TRPO, whose KL is the categorical head\'s, naming the field', () => {
    expect(() => new MetaTrainer(resolveConfig({ ...SMALL, outerOptimizer: 'trpo' }))).toThrow(
      'outerOptimizer is "trpo", expected "adam" or "sgd" with env lunarlander-continuous (Box actions, Gaussian head: TRPO supports the categorical head only)',
    );
  });

  it('resumes from a snapshot bit for bit (directed Meta-SGD: learned rates for the log-std too)', () => {
    const config = resolveConfig({ ...SMALL, algo: 'directed-metasgd', seed: 4 });
    const straight = new MetaTrainer(config);
    const [a1, a2] = [straight.step(), straight.step()];
    const first = new MetaTrainer(config);
    expect(first.step().returnAfter).toBe(a1.returnAfter);
    const resumed = MetaTrainer.restore(JSON.parse(JSON.stringify(first.snapshot())));
    const b2 = resumed.step();
    expect([b2.returnBefore, b2.returnAfter, b2.lossBefore, b2.lossAfter, b2.counts]).toEqual([a2.returnBefore, a2.returnAfter, a2.lossBefore, a2.lossAfter, a2.counts]);
    expect(Array.from(resumed.params)).toEqual(Array.from(straight.params));
    expect(Array.from(resumed.alphaVec ?? [])).toEqual(Array.from(straight.alphaVec ?? []));
  });
});

describe('REINFORCE on continuous LunarLander', () => {
  it('trains the Gaussian policy the env calls for: seeded figures of three iterations', () => {
    const trainer = new ReinforceTrainer({ seed: 1, makeEnv: () => new LunarLander({ continuous: true }), hidden: [16], episodesPerBatch: 4, evalEnvs: 2 });
    expect([trainer.layout.sizes, trainer.layout.size]).toEqual([[8, 16, 2], 144 + 34 + 2]);
    const stats = [trainer.step(), trainer.step(), trainer.step()];
    expect(stats.map((s) => [s.meanReturn, s.envSteps])).toEqual(SEEDED.reinforce);
    expect(trainer.evaluate(2, 'greedy').meanReturn).toBe(SEEDED.reinforceGreedy);
  });
});

/** Figures of the seeded runs above (the project's runs are bit-reproducible). */
const SEEDED = {
  returns: [
    [-581.9318180121769, -587.3005044151417],
    [-1102.5428156708454, -706.5831813647167],
  ],
  counts: [
    { envSteps: 809, gradientEvaluations: 4, hvps: 2 },
    { envSteps: 1070, gradientEvaluations: 4, hvps: 2 },
  ],
  logStd: [-0.001780664290306655, 0.0016126160737321893],
  evaluation: [-935.4995115470924, -919.6600919482987],
  reinforce: [
    [-304.50720499977314, 382],
    [-170.8435558216881, 371],
    [-123.65485094983015, 383],
  ],
  reinforceGreedy: -70.01488165697756,
};
