import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRID_EVAL_TASKS, readGrid } from '../../src/cli/grid.js';
import { nodeFileSystem } from '../../src/io/file-system.js';
import { initPolicy } from '../../src/rl/policy-layout.js';
import { evaluatePolicy } from '../../src/rl/evaluate.js';
import { evaluateOutcomes } from '../../src/rl/outcomes.js';
import { sgdStepInto } from '../../src/nn/optimizers.js';
import type { PolicyBatch } from '../../src/nn/reinforce.js';
import { PCG64 } from '../../src/rng/index.js';
import { type AdaptationProblem, type PolicyScore, assessAdaptation, evaluationSteps, heldOutAdaptation } from '../../src/meta/adaptation-eval.js';
import { resolveConfig, taskFamily } from '../../src/meta/config.js';
import { CostMeter } from '../../src/meta/costs.js';
import { lossAndGrad } from '../../src/meta/inner-loop.js';
import { STREAM, TaskStreams, seedSequence, streamRng } from '../../src/meta/sampling.js';
import { swapTest } from '../../src/meta/swap-test.js';
import { TaskRunner, policyLayout } from '../../src/meta/task-runner.js';
import { MetaTrainer } from '../../src/meta/trainer.js';

describe('the swap test', () => {
  it('scores own-task adaptation against the next task\'s on a case with a known answer', () => {
    // Goals 0, 1, 3; the policy adapted on task i scores -(g_j - g_i)^2 on task j: own 0, other
    // -((0-1)^2 + (1-3)^2 + (3-0)^2) / 3 = -14/3.
    const g = [0, 1, 3];
    const s = swapTest(3, (j, i) => -((g[j] - g[i]) ** 2));
    expect(s).toEqual({ own: 0, other: -14 / 3, gap: 14 / 3 });
  });

  it('gives exactly 0 when adaptation does not depend on the task, and nothing for one task', () => {
    const s = swapTest(4, (j) => 10 * j + 1);
    expect(s?.gap).toBe(0);
    expect(s?.own).toBe(16);
    expect(swapTest(1, () => 1)).toBe(null);
  });
});

describe('assessAdaptation', () => {
  /** Goals 0 and 2; task j's iterates g_j (1 - 2^-k); greedy scores -(p - g)^2, sampled 1 less; greedy success within 0.5 of the goal. */
  const goals = [0, 2];
  const problem: AdaptationProblem = {
    tasks: 2,
    steps: 3,
    swapSteps: 1,
    adapt: (j) => [0, 1, 2, 3].map((k) => Float64Array.of(goals[j] * (1 - 2 ** -k))),
    score: (j, mode, p): PolicyScore => {
      const greedy = -((p[0] - goals[j]) ** 2);
      if (mode === 'sampled') return { meanReturn: greedy - 1, outcomes: null };
      const success = Math.abs(p[0] - goals[j]) <= 0.5 ? 1 : 0;
      return { meanReturn: greedy, outcomes: { success, none: 1 - success } };
    },
  };

  it('averages each step\'s scores over the tasks, per action mode, and takes the swap test after K steps', () => {
    expect(assessAdaptation(problem)).toEqual({
      steps: 3,
      // Task 1 (goal 2) at 0, 1, 1.5, 1.75: -4, -1, -0.25, -0.0625; task 0 scores 0 throughout.
      greedy: { returns: [-2, -0.5, -0.125, -0.03125], outcomes: [{ none: 0.5, success: 0.5 }, { none: 0.5, success: 0.5 }, { none: 0, success: 1 }, { none: 0, success: 1 }] },
      sampled: { returns: [-3, -1.5, -1.125, -1.03125] },
      // After 1 step the adapted points are 0 and 1: own (0 + -1) / 2, other (-(1 - 0)^2 + -(0 - 2)^2) / 2.
      swap: { steps: 1, greedy: { own: -0.5, other: -2.5, gap: 2 }, sampled: { own: -1.5, other: -3.5, gap: 2 } },
    });
  });

  it('refuses a swap step beyond the steps evaluated, and evaluates at least 3 steps', () => {
    expect(() => assessAdaptation({ ...problem, swapSteps: 4 })).toThrow('swapSteps is 4, expected an integer in [0, 3]');
    expect([1, 2, 3, 5].map(evaluationSteps)).toEqual([3, 3, 3, 5]);
  });
});

describe('heldOutAdaptation on an env', () => {
  const config = resolveConfig({ env: 'cartpole-goal', seed: 2, innerSteps: 1, innerLr: 0.5, hidden: [8], numEnvs: 2, evalTasks: 2, evalEpisodes: 3, evalSeed: 77 });
  const layout = policyLayout(config);
  const family = taskFamily(config);
  const theta = initPolicy(layout, new PCG64(5));
  const runner = new TaskRunner(config, layout, () => 0, 'never');
  const sampler = runner.sampler.bind(runner);
  const args = (alpha: Float64Array | null) => ({ config, layout, family, theta, alpha, sampler });

  it('scores a policy that does not adapt (alpha_vec = 0) the same at every step, with a swap gap of exactly 0', () => {
    const a = heldOutAdaptation(args(new Float64Array(layout.size)));
    expect(a.steps).toBe(3);
    for (const mode of ['sampled', 'greedy'] as const) {
      expect(a[mode].returns).toEqual(new Array(4).fill(a[mode].returns[0]));
      expect(a.swap?.[mode].gap).toBe(0);
    }
    // Greedy at theta, recomputed: task j's evaluation episodes start from stream [8, j, 1]'s first env seed.
    const tasks = family.sampleTasks(streamRng(config.evalSeed, STREAM.evalTasks), 2);
    const greedy = tasks.map((task, j) => {
      const seed = new TaskStreams(seedSequence(config.evalSeed, STREAM.evalAdaptation, j, 1)).nextEnvSeed();
      return evaluatePolicy(sampler(task, new TaskStreams(seedSequence(0))).venv, layout, theta, { episodes: 3, seed }).meanReturn;
    });
    expect(a.greedy.returns[0]).toBe((greedy[0] + greedy[1]) / 2);
  });

  it('plays the policy adapted on the other task on the same episodes as the own one', () => {
    const a = heldOutAdaptation(args(null));
    const tasks = family.sampleTasks(streamRng(config.evalSeed, STREAM.evalTasks), 2);
    // One step on task i's own adaptation batch (stream [8, i, 0]).
    const adapted = tasks.map((task, i) => {
      const batch = sampler(task, new TaskStreams(seedSequence(config.evalSeed, STREAM.evalAdaptation, i, 0))).sample(theta, 3, null).batch as PolicyBatch;
      return sgdStepInto(new Float64Array(layout.size), theta, 0.5, lossAndGrad(layout, theta, batch, new CostMeter()).grad);
    });
    const onTask = (j: number, params: Float64Array, sampled: boolean) => {
      const streams = new TaskStreams(seedSequence(config.evalSeed, STREAM.evalAdaptation, j, 1));
      const seed = streams.nextEnvSeed();
      return evaluatePolicy(sampler(tasks[j], new TaskStreams(seedSequence(0))).venv, layout, params, { episodes: 3, seed, rng: sampled ? streams.actions : undefined }).meanReturn;
    };
    for (const sampled of [true, false]) {
      const mode = sampled ? 'sampled' : 'greedy';
      const own = (onTask(0, adapted[0], sampled) + onTask(1, adapted[1], sampled)) / 2;
      const other = (onTask(0, adapted[1], sampled) + onTask(1, adapted[0], sampled)) / 2;
      expect(a.swap?.[mode]).toEqual({ own, other, gap: own - other });
      expect(a[mode].returns[1]).toBe(own);
    }
  });

  it('builds no env to learn whether the family reports outcomes: it reads the registry', () => {
    // cartpole-goal declares no outcomes, so its envs come from the sampler only; a family that may build none scores the same.
    const noEnvs = { ...family, makeEnv: () => { throw new Error('makeEnv called'); } };
    expect(heldOutAdaptation({ ...args(null), family: noEnvs })).toEqual(heldOutAdaptation(args(null)));
  });

  it('counts outcomes where the env reports them (the intersection), per step and action mode', () => {
    const c = resolveConfig({ env: 'intersection', hidden: [8], numEnvs: 2, evalTasks: 2, evalEpisodes: 3, evalSeed: 9 });
    const l = policyLayout(c);
    const params = initPolicy(l, new PCG64(6));
    const r = new TaskRunner(c, l, () => 0, 'never');
    const a = heldOutAdaptation({ config: c, layout: l, family: taskFamily(c), theta: params, alpha: new Float64Array(l.size), sampler: r.sampler.bind(r) });
    const tasks = taskFamily(c).sampleTasks(streamRng(c.evalSeed, STREAM.evalTasks), 2);
    const counts = new Map<string, number>();
    tasks.forEach((task, j) => {
      const streams = new TaskStreams(seedSequence(c.evalSeed, STREAM.evalAdaptation, j, 1));
      const e = evaluateOutcomes(taskFamily(c).makeEnv(task), l, params, { episodes: 3, seed: streams.nextEnvSeed(), rng: streams.actions });
      for (const [k, v] of Object.entries({ ...e.rates, none: e.noOutcomeRate })) counts.set(k, (counts.get(k) ?? 0) + v / 2);
    });
    const expected = Object.fromEntries([...counts].sort(([x], [y]) => x.localeCompare(y)));
    expect(a.sampled.outcomes).toEqual(new Array(4).fill(expected));
    expect(a.greedy.outcomes).toHaveLength(4);
    expect(Object.values(a.greedy.outcomes?.[0] ?? {}).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('is logged in heldOut with evalAdaptation, leaving training and the rest of the line as they were', () => {
    const base = { ...config, evalTasks: 2, evalEvery: 1 };
    const plain = new MetaTrainer(resolveConfig(base), { clock: () => 0 });
    const logged = new MetaTrainer(resolveConfig({ ...base, evalAdaptation: true }), { clock: () => 0 });
    const a = plain.step();
    const { heldOut, ...line } = logged.step();
    const { adaptation, ...rest } = heldOut ?? {};
    expect({ ...line, heldOut: rest }).toEqual(a);
    expect(adaptation).toEqual(logged.evaluate({ adaptation: true }).adaptation);
    expect(a.heldOut?.adaptation).toBe(undefined);
  });

  it('is added to evaluate() without changing its tasks, returns or outcomes', () => {
    const trainer = new MetaTrainer(resolveConfig({ ...config, evalTasks: 2 }));
    const { adaptation, ...rest } = trainer.evaluate({ adaptation: true });
    expect(rest).toEqual(trainer.evaluate());
    expect(adaptation).toEqual(heldOutAdaptation({ config: trainer.config, layout: trainer.layout, family, theta: trainer.params, alpha: null, sampler }));
  });
});

describe('grids', () => {
  it(`evaluate on ${GRID_EVAL_TASKS} held-out tasks unless the file sets evalTasks`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'metarl-grid-'));
    try {
      const file = join(dir, 'g.json');
      const grid = (base: object) => {
        writeFileSync(file, JSON.stringify({ name: 'g', base, envs: ['cartpole-goal'], algorithms: ['maml', 'multitask'], seeds: 1 }));
        return readGrid(file, false, nodeFileSystem).runs.map((r) => [r.algo, r.config.evalTasks]);
      };
      expect(GRID_EVAL_TASKS).toBe(40);
      expect(grid({})).toEqual([['maml', 40], ['multitask', 40]]);
      expect(grid({ evalTasks: 12 })).toEqual([['maml', 12], ['multitask', 12]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
